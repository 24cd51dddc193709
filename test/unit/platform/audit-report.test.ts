// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.impact.com/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml"}
import '../fakes/install';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveRunPorts } from '../../../src/content/run-port';
import { RUN_PORT, type RunOut } from '../../../src/core/protocol';
import { AUDIT_KEY, recordCreatedToken } from '../../../src/platform/audit';
import { handleMessages } from '../../../src/platform/messaging';
import { fakeBrowser, portPair, resetFakeBrowser } from '../fakes/browser';
import { mountWizardPage, unmountAll } from '../page/fixture';
import { request } from '../page/helpers';

// The content script imports its driver from the built extension (driver.js); here, the source.
vi.mock('../../../src/content/load-driver', () => ({
  loadDriver: () => import('../../../src/content/driver-module'),
}));

// The real content-script run port against the fixture wizard, and the background's real handler:
// a run that creates a token leaves one audit entry, and no secret anywhere in storage.
let stops: (() => void)[] = [];
beforeEach(() => {
  resetFakeBrowser();
  // The content script's messages arrive from its tab.
  fakeBrowser.runtime.currentSender = { tab: { id: 9 } };
  stops = [serveRunPorts(), handleMessages({ tokenCreated: recordCreatedToken })];
});
afterEach(() => {
  for (const stop of stops) stop();
  unmountAll();
});

function runOnPage(mode: 'review' | 'create'): Promise<RunOut> {
  const [helper, content] = portPair(RUN_PORT);
  const done = new Promise<RunOut>((resolve) =>
    helper.onMessage.addListener((m) => {
      if ((m as RunOut).type === 'done') resolve(m as RunOut);
    }),
  );
  fakeBrowser.runtime.onConnect.emit(content);
  helper.postMessage({
    type: 'start',
    request: request({ name: 'acme-reporting', version: '15', mode }),
  });
  return done;
}

describe('audit entry from a real run', () => {
  it('is written when the run created the token, without the secret', async () => {
    const page = mountWizardPage({ confirm: true });
    expect(await runOnPage('create')).toMatchObject({ outcome: { status: 'created' } });
    await expect.poll(() => fakeBrowser.storage.local.dump()[AUDIT_KEY]).toHaveLength(1);
    const [entry] = fakeBrowser.storage.local.dump()[AUDIT_KEY] as Record<string, unknown>[];
    expect(entry).toEqual({
      name: 'acme-reporting',
      version: '15',
      scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
      account: 'Acme Media (1234567)',
      accountKind: 'partner',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      mode: 'create',
    });
    // The success dialog showed a secret: nothing read it, and it is nowhere in storage.
    expect(page.secret()).not.toBeNull();
    expect(page.secretReads).toEqual([]);
    const everything = JSON.stringify([
      fakeBrowser.storage.local.dump(),
      fakeBrowser.storage.sync.dump(),
    ]);
    expect(everything).not.toContain('tok_SECRET_VALUE');
    expect(everything).not.toContain('IRsid-secret');
  });

  it('is not written when the run stops for review', async () => {
    mountWizardPage();
    expect(await runOnPage('review')).toMatchObject({ outcome: { status: 'ready-for-review' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(fakeBrowser.storage.local.dump()[AUDIT_KEY]).toBeUndefined();
  });
});
