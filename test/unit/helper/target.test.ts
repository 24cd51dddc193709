import '../fakes/install';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageInfo } from '../../../src/core/protocol';
import { findTarget, watchForDetection } from '../../../src/helper/target';
import { openHelperTab } from '../../../src/platform/helper-tabs';
import { fakeBrowser } from '../fakes/browser';

await import('../../../src/background/index');

// The background's listeners are registered once, at import (not reset between tests).
beforeEach(() => {
  fakeBrowser.tabs.list = [{ id: 5, active: true }];
});

describe('which tab the helper works on', () => {
  it('a tab never takes a tab id from its address: a page can open it with any', async () => {
    fakeBrowser.runtime.currentSender = {};
    expect(await findTarget('?tabId=9', false)).toEqual({ tabId: 5, embedded: false });
  });

  it('a popped-out tab asks the background which tab its ticket is aimed at', async () => {
    const helperUrl = 'chrome-extension://fake-extension-id/src/helper/index.html';
    fakeBrowser.tabs.created = [];
    fakeBrowser.runtime.currentSender = { url: helperUrl };
    await openHelperTab(9);
    const url = fakeBrowser.tabs.created[0]?.url ?? '';
    const search = new URL(url).search;
    fakeBrowser.runtime.currentSender = {
      tab: { id: 1001 },
      frameId: 0,
      url,
    };
    expect(await findTarget(search, false)).toEqual({ tabId: 9, embedded: false, poppedOut: true });
    // The same address in a tab the background did not open is aimed at nothing.
    fakeBrowser.runtime.currentSender = {
      tab: { id: 77 },
      frameId: 0,
      url,
    };
    expect(await findTarget(search, false)).toEqual({ embedded: false, poppedOut: true });
  });

  it('in a frame, ignores any tabId and asks the background which tab it sits in', async () => {
    fakeBrowser.runtime.currentSender = { tab: { id: 7 } };
    expect(await findTarget('?tabId=9', true)).toEqual({ tabId: 7, embedded: true });
    expect(await findTarget('?embedded=1&panel=k1', true)).toEqual({
      tabId: 7,
      embedded: true,
      panelKey: 'k1',
    });
  });

  it('the popup works on the active tab', async () => {
    expect(await findTarget('', false)).toEqual({ tabId: 5, embedded: false });
  });
});

describe('a page that is still loading when the helper opens', () => {
  const notYet: PageInfo = { detected: false };
  const partner: PageInfo = { detected: true, kind: 'partner' };

  it('is re-read until its content script has recognised it, then no more', async () => {
    vi.useFakeTimers();
    try {
      const answers = [notYet, notYet, partner, partner];
      const read = vi.fn(async () => answers.shift() ?? partner);
      const seen: PageInfo[] = [];
      watchForDetection(read, (info) => seen.push(info), [10, 10, 10, 10]);
      await vi.advanceTimersByTimeAsync(100);
      expect(read).toHaveBeenCalledTimes(3);
      expect(seen).toEqual([partner]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up after its intervals, and stop() ends it at once', async () => {
    vi.useFakeTimers();
    try {
      const read = vi.fn(async () => notYet);
      const onDetected = vi.fn();
      watchForDetection(read, onDetected, [10, 10]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(read).toHaveBeenCalledTimes(2);
      const stop = watchForDetection(read, onDetected, [10, 10]);
      stop();
      await vi.advanceTimersByTimeAsync(1000);
      expect(read).toHaveBeenCalledTimes(2);
      expect(onDetected).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
