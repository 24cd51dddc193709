// @vitest-environment happy-dom
import '../fakes/install';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveRunPorts } from '../../../src/content/run-port';
import { RUN_PORT, type RunOut } from '../../../src/core/protocol';
import { type FakePort, fakeBrowser, portPair, resetFakeBrowser } from '../fakes/browser';
import { mountWizardPage, unmountAll } from './fixture';
import { request } from './helpers';

// The content script imports its driver from the built extension (driver.js); here, the source.
vi.mock('../../../src/content/load-driver', () => ({
  loadDriver: () => import('../../../src/content/driver-module'),
}));

let stop: () => void;
beforeEach(() => {
  resetFakeBrowser();
  stop = serveRunPorts();
});
afterEach(() => {
  stop();
  unmountAll();
});

/** Connects like the helper does; resolves with everything received once `done` arrives. */
function connect(): { helper: FakePort; received: Promise<RunOut[]> } {
  const [helper, content] = portPair(RUN_PORT);
  const messages: RunOut[] = [];
  const received = new Promise<RunOut[]>((resolve) => {
    helper.onMessage.addListener((m) => {
      messages.push(m as RunOut);
      if ((m as RunOut).type === 'done') resolve(messages);
    });
  });
  fakeBrowser.runtime.onConnect.emit(content);
  return { helper, received };
}

describe('serveRunPorts', () => {
  it('validates the start message, streams progress, then done with the outcome', async () => {
    const page = mountWizardPage();
    const { helper, received } = connect();
    helper.postMessage({
      type: 'start',
      request: { name: 'Feed', scopes: [{ category: 'Jobs', methods: ['GET'] }] },
    });
    const messages = await received;
    const done = messages.at(-1);
    expect(done).toMatchObject({ type: 'done', outcome: { status: 'ready-for-review' } });
    expect(done?.type === 'done' && done.offered).toEqual(
      expect.arrayContaining([{ category: 'Jobs', methods: ['GET', 'POST'], endpoints: [] }]),
    );
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress[0]).toMatchObject({ index: 0, step: { kind: 'openWizard' } });
    expect(page.state.tokenName).toBe('Feed');
  });

  it('refuses an invalid message without touching the page', async () => {
    const page = mountWizardPage();
    const { helper, received } = connect();
    helper.postMessage({ type: 'start', request: { name: '', scopes: [] } });
    const [done] = await received;
    expect(done).toMatchObject({ type: 'done', outcome: { status: 'stopped', step: 'setup' } });
    expect(page.state.open).toBe(false);
  });

  it('cancels the run when the helper disconnects', async () => {
    const page = mountWizardPage({ stepDelay: 20 });
    const { helper } = connect();
    helper.postMessage({ type: 'start', request: request() });
    await new Promise((r) => setTimeout(r, 30));
    helper.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    // Stopped early: it never reached the scope step.
    expect(page.state.step).toBeLessThan(2);
  });
});
