// @vitest-environment happy-dom
// (happy-dom logs that it does not load iframes; the tests check the iframe's src instead.)
import '../fakes/install';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isPanelOpen,
  mountLauncher,
  placePanel,
  unmountLauncher,
} from '../../../src/content/launcher';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

const host = () => document.querySelector('impact-token-helper') as HTMLElement;
// The root is closed (page scripts cannot reach in); the test keeps the one attachShadow returns.
let root: ShadowRoot | undefined;
const attach = Element.prototype.attachShadow;
vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
  this: Element,
  init: ShadowRootInit,
) {
  root = attach.call(this, init);
  return root;
});
const shadow = () => root as ShadowRoot;
const button = () => shadow().querySelector('button') as HTMLButtonElement;
const frame = () => shadow().querySelector('iframe') as HTMLIFrameElement;

beforeEach(() => {
  resetFakeBrowser();
  document.body.innerHTML = '';
  document.documentElement.style.cssText = '';
});
afterEach(() => unmountLauncher());

describe('in-page launcher', () => {
  it('adds one "Token helper" button in a closed shadow root, closed panel', () => {
    mountLauncher({ autoOpen: false });
    mountLauncher({ autoOpen: false });
    expect(document.querySelectorAll('impact-token-helper')).toHaveLength(1);
    expect(shadow().mode).toBe('closed');
    expect(host().shadowRoot).toBeNull();
    expect(button().textContent).toBe('Token helper');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(isPanelOpen()).toBe(false);
    // No panel frame until it is first opened: an iframe is a document of its own to set up.
    expect(shadow().querySelector('iframe')).toBeNull();
  });

  it('is labelled in Japanese on a Japanese browser', () => {
    fakeBrowser.locale = 'ja';
    mountLauncher({ autoOpen: false });
    expect(button().textContent).toBe('トークン ヘルパー');
  });

  it('opens by itself with autoOpen, as the embedded helper page, and moves the page aside', () => {
    mountLauncher({ autoOpen: true });
    expect(isPanelOpen()).toBe(true);
    expect(frame().src).toMatch(
      /^chrome-extension:\/\/fake-extension-id\/src\/helper\/index\.html\?embedded=1&panel=[0-9a-f-]{36}$/,
    );
    expect(frame().title).toBe('Token helper');
    expect(document.documentElement.style.marginRight).toBe(frame().style.width);
    button().click();
    expect(isPanelOpen()).toBe(false);
    expect(document.documentElement.style.marginRight).toBe('');
  });

  it('closes when the panel asks (closePanel) and gives the page back on unmount', async () => {
    document.documentElement.style.marginRight = '4px';
    mountLauncher({ autoOpen: true });
    await fakeBrowser.runtime.sendMessage({ type: 'closePanel' });
    expect(isPanelOpen()).toBe(false);
    expect(document.documentElement.style.marginRight).toBe('4px');
    unmountLauncher();
    expect(host()).toBeNull();
  });

  it('docks beside the wizard dialog instead of over its buttons', () => {
    Object.defineProperty(document.documentElement, 'clientWidth', {
      configurable: true,
      value: 1366,
    });
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    // A centred 720 px modal: 323 px free on either side.
    dialog.getBoundingClientRect = () =>
      ({ left: 323, right: 1043, top: 100, bottom: 700, width: 720, height: 600 }) as DOMRect;
    document.body.append(dialog);
    mountLauncher({ autoOpen: true });
    placePanel();
    const width = Number.parseFloat(frame().style.width);
    expect(width).toBeLessThanOrEqual(1366 - 1043);
    expect(width).toBeGreaterThanOrEqual(300);
    expect(frame().style.right).toBe('0px');

    // The dialog sits further right: the panel takes the left side, the launcher moves with it.
    dialog.getBoundingClientRect = () =>
      ({ left: 500, right: 1300, top: 100, bottom: 700, width: 800, height: 600 }) as DOMRect;
    placePanel();
    expect(frame().style.left).toBe('0px');
    expect(Number.parseFloat(frame().style.width)).toBeLessThanOrEqual(500);
    expect(document.documentElement.style.marginLeft).toBe(frame().style.width);
    expect(button().style.left).toBe(frame().style.width);
  });

  it('follows the page at most once a frame, however often it re-renders', async () => {
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    let measured = 0;
    dialog.getBoundingClientRect = () => {
      measured++;
      return { left: 323, right: 1043, top: 100, bottom: 700, width: 720, height: 600 } as DOMRect;
    };
    document.body.append(dialog);
    mountLauncher({ autoOpen: true });
    measured = 0;
    // A run ticking 40 rows: each click re-renders the page, with a microtask checkpoint between.
    for (let i = 0; i < 40; i++) {
      dialog.setAttribute('class', `tick-${i}`);
      await Promise.resolve();
      await Promise.resolve();
    }
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    expect(measured).toBeGreaterThanOrEqual(1);
    expect(measured).toBeLessThanOrEqual(2);
  });
});
