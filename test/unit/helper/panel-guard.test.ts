// @vitest-environment happy-dom
import '../fakes/install';
import { beforeEach, describe, expect, it } from 'vitest';
import { guardPanel, panelIsClear } from '../../../src/helper/panel-guard';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

const asked: unknown[] = [];
beforeEach(() => {
  resetFakeBrowser();
  asked.length = 0;
  fakeBrowser.tabs.contentHandlers.set(4, (message: unknown) => {
    asked.push(message);
    const { data } = message as { data: { key: string } };
    return data.key === 'right-key';
  });
});

const button = () => {
  const b = document.createElement('button');
  document.body.append(b);
  return b;
};

describe('before Create in the in-page panel', () => {
  it('trusts the popup and a popped-out tab: the page cannot draw over browser UI', async () => {
    guardPanel({ tabId: 4, embedded: false });
    expect(await panelIsClear(button())).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks the content script, with the panel key, whether the button is seen', async () => {
    guardPanel({ tabId: 4, embedded: true, panelKey: 'right-key' });
    expect(await panelIsClear(button())).toBe(true);
    expect(asked).toMatchObject([{ type: 'panelClear', data: { key: 'right-key' } }]);
    guardPanel({ tabId: 4, embedded: true, panelKey: 'wrong-key' });
    expect(await panelIsClear(button())).toBe(false);
  });

  it('refuses in a frame without a key (one the page planted) or without its tab', async () => {
    guardPanel({ tabId: 4, embedded: true });
    expect(await panelIsClear(button())).toBe(false);
    guardPanel({ embedded: true, panelKey: 'right-key' });
    expect(await panelIsClear(button())).toBe(false);
    expect(asked).toEqual([]);
  });
});
