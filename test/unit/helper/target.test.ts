import '../fakes/install';
import { beforeEach, describe, expect, it } from 'vitest';
import { findTarget } from '../../../src/helper/target';
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
