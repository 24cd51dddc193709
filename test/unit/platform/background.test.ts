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

  it('opens a popped-out helper and tells only the tab it opened which tab it is aimed at', async () => {
    const helperUrl = 'chrome-extension://fake-extension-id/src/helper/index.html';
    const created = fakeBrowser.tabs.created;
    created.length = 0;
    const popup = { url: helperUrl };
    await fakeBrowser.runtime.sendMessageAs(popup, { type: 'openHelperTab', data: { tabId: 7 } });
    const url = created[0]?.url ?? '';
    const ticket = new URL(url).searchParams.get('popout') ?? '';
    expect(ticket).toMatch(/^[0-9a-f-]{36}$/);
    expect(url).toBe(`${helperUrl}?popout=${ticket}`);
    const ask = (sender: object, t = ticket) =>
      fakeBrowser.runtime.sendMessageAs(sender, { type: 'helperTabTarget', data: { ticket: t } });
    // The tab the background opened (id 1001 in the fake), after a reload too.
    const opened = { tab: { id: 1001 }, frameId: 0, url };
    expect(await ask(opened)).toEqual({ tabId: 7 });
    expect(await ask(opened)).toEqual({ tabId: 7 });
    // Any other tab at the same address (a page opened it), a frame, a made-up ticket: nothing.
    expect(await ask({ tab: { id: 55 }, frameId: 0, url })).toEqual({});
    expect(await ask({ tab: { id: 1001 }, frameId: 2, url })).toEqual({});
    expect(await ask(opened, crypto.randomUUID())).toEqual({});
  });

  it('lets a framed helper pop out only its own tab, and a web page none', async () => {
    const helperUrl = 'chrome-extension://fake-extension-id/src/helper/index.html';
    const created = fakeBrowser.tabs.created;
    created.length = 0;
    const framedIn9 = { tab: { id: 9 }, frameId: 3, url: `${helperUrl}?embedded=1` };
    const open = (sender: object, tabId: number) =>
      fakeBrowser.runtime.sendMessageAs(sender, { type: 'openHelperTab', data: { tabId } });
    await open(framedIn9, 7);
    await open({ tab: { id: 9 }, frameId: 0, url: 'https://app.impact.com/secure/x' }, 9);
    expect(created).toEqual([]);
    await open(framedIn9, 9);
    expect(created).toHaveLength(1);
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
