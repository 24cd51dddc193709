import '../fakes/install';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageInfo } from '../../../src/core/protocol';
import { findTarget, watchForDetection } from '../../../src/helper/target';
import { fakeBrowser } from '../fakes/browser';

await import('../../../src/background/index');

// The background's listeners are registered once, at import (not reset between tests).
beforeEach(() => {
  fakeBrowser.tabs.list = [{ id: 5, active: true }];
});

describe('which tab the helper works on', () => {
  it('a popped-out tab takes the tab id it was given', async () => {
    expect(await findTarget('?tabId=9', false)).toEqual({ tabId: 9, embedded: false });
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
