import '../fakes/install';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '../fakes/browser';

// The background registers its listeners once, at import, as a service worker does.
await import('../../../src/background/index');

describe('background', () => {
  it('shows the badge on a tab whose page was detected, and clears it when it is not', async () => {
    fakeBrowser.runtime.currentSender = { tab: { id: 11 } };
    await fakeBrowser.runtime.sendMessage({
      type: 'pageDetected',
      data: { info: { detected: true, kind: 'partner' } },
    });
    expect(fakeBrowser.action.badges.get(11)).toMatchObject({ text: 'API', color: '#1a7f37' });
    expect(fakeBrowser.action.badges.get(11)?.title).toMatch(/impact\.com API page/);
    await fakeBrowser.runtime.sendMessage({
      type: 'pageDetected',
      data: { info: { detected: false } },
    });
    expect(fakeBrowser.action.badges.get(11)).toMatchObject({ text: '' });
  });

  it('answers a detected page with the "Open automatically" setting', async () => {
    fakeBrowser.runtime.currentSender = { tab: { id: 12 } };
    const detected = { type: 'pageDetected', data: { info: { detected: true } } };
    // Nothing stored yet: a fresh install opens the panel by itself.
    expect(await fakeBrowser.runtime.sendMessage(detected)).toEqual({ openAutomatically: true });
    await fakeBrowser.storage.sync.set({
      meta: { formatVersion: 2, order: [], settings: { openAutomatically: false } },
    });
    expect(await fakeBrowser.runtime.sendMessage(detected)).toEqual({ openAutomatically: false });
    await fakeBrowser.storage.sync.clear();
  });

  it('tells the in-page panel which tab it is in', async () => {
    fakeBrowser.runtime.currentSender = { tab: { id: 23 } };
    expect(await fakeBrowser.runtime.sendMessage({ type: 'whoAmI' })).toEqual({ tabId: 23 });
  });

  it('relays a framed helper only to its own tab; a top-level helper page anywhere', async () => {
    fakeBrowser.tabs.contentHandlers.set(31, () => 'from 31');
    fakeBrowser.tabs.contentHandlers.set(32, () => 'from 32');
    const relay = (tabId: number) => ({
      type: 'impact-token-helper:tab-relay',
      op: 'message',
      tabId,
      message: { type: 'getPageInfo' },
    });
    const helperUrl = 'chrome-extension://fake-extension-id/src/helper/index.html';
    const framedIn31 = { tab: { id: 31 }, frameId: 4, url: `${helperUrl}?tabId=32` };
    expect(await fakeBrowser.runtime.sendMessageAs(framedIn31, relay(31))).toEqual({
      ok: true,
      value: 'from 31',
    });
    expect(await fakeBrowser.runtime.sendMessageAs(framedIn31, relay(32))).toEqual({
      ok: false,
      error: 'a helper frame can only reach its own tab',
    });
    const poppedOut = { tab: { id: 40 }, frameId: 0, url: `${helperUrl}?tabId=32` };
    expect(await fakeBrowser.runtime.sendMessageAs(poppedOut, relay(32))).toEqual({
      ok: true,
      value: 'from 32',
    });
  });

  it('migrates stored presets on update', async () => {
    await fakeBrowser.storage.sync.set({
      state: {
        presets: [{ id: 'a', name: 'A', token: 'a', scopes: { Reports: ['GET'] }, updated: 0 }],
      },
    });
    fakeBrowser.runtime.onInstalled.emit({ reason: 'update', previousVersion: '0.0.9' });
    await expect
      .poll(() => Object.keys(fakeBrowser.storage.sync.dump()).sort())
      .toEqual(['meta', 'preset:a']);
  });
});
