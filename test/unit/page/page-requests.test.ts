// @vitest-environment happy-dom
import '../fakes/install';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { servePageRequests } from '../../../src/content/page-requests';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { mountWizardPage, unmountAll } from './fixture';

// The content script imports its driver from the built extension (driver.js); here, the source.
vi.mock('../../../src/content/load-driver', () => ({
  loadDriver: () => import('../../../src/content/driver-module'),
}));

let stop: () => void;
beforeEach(() => {
  resetFakeBrowser();
  stop = servePageRequests();
});
afterEach(() => {
  stop();
  unmountAll();
});

/** What the helper's tabs.sendMessage would get back (Chrome's sendResponse protocol). */
const ask = (type: string) =>
  new Promise((resolve) => {
    const onMessage = fakeBrowser.runtime.onMessage as unknown as {
      emit(...args: unknown[]): unknown[];
    };
    if (!onMessage.emit({ type, data: undefined }, {}, resolve).includes(true))
      resolve('not answered');
  });

describe('servePageRequests', () => {
  it('answers getPageInfo', async () => {
    mountWizardPage({ lang: 'ja' });
    expect(await ask('getPageInfo')).toMatchObject({
      locale: 'ja',
      account: 'Acme Media (1234567)',
    });
  });

  it('answers captureSelection from the open wizard', async () => {
    const page = mountWizardPage({ open: true });
    Object.assign(page.state, { step: 2, tokenName: 'Feed', scopes: { Reports: ['GET'] } });
    page.render();
    expect(await ask('captureSelection')).toMatchObject({
      name: 'Feed',
      version: '16',
      primaryContact: 'aiko@acme.example',
      ticked: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
    });
  });

  it('leaves other messages to other listeners', async () => {
    expect(await ask('closePanel')).toBe('not answered');
  });
});
