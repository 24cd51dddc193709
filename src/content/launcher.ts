import type { RequestMap } from '../core/protocol';
import { t } from '../platform/i18n';
import { handleMessages } from '../platform/messaging';
import { extensionUrl } from '../platform/runtime';
import { loadDriver } from './load-driver';

/**
 * The in-page entry to the helper: a small "Token helper" tab on the left edge that opens the
 * helper as a panel docked to the side of the page. Both live in an extension-owned element with
 * a closed shadow root: page CSS cannot restyle them and page scripts cannot reach in (to read the
 * frame's address, with the extension id and the panel key, or to fade the panel). The panel is an
 * extension-page iframe, so the page's scripts cannot read what the person types into it.
 *
 * The wizard is a centred modal: margin on <html> does not move fixed elements, so the panel
 * measures every open dialog and takes the wider free side next to it, narrowing itself to that
 * gap, so the wizard's Next/Create buttons (bottom right of the dialog) stay uncovered.
 */

const HOST_TAG = 'impact-token-helper';
const PANEL_WIDTH = 380;
const MIN_PANEL_WIDTH = 300;
const GAP = 8;
/** The host's z-index: one below the maximum, so a page element can only tie or top it on purpose. */
const HOST_Z = 2147483646;

// Kept compact: it ships in the content script (size budget, src/page/README.md).
const CSS =
  'button{position:fixed;left:0;top:50%;transform:translateY(-50%);writing-mode:vertical-rl;' +
  'padding:10px 5px;border:0;border-radius:0 6px 6px 0;font:600 12px/1.2 system-ui;' +
  'background:#0b5cad;color:#fff;cursor:pointer;box-shadow:0 1px 4px #0004}' +
  'button:hover{background:#094a8c}' +
  'button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}' +
  'iframe{position:fixed;top:0;height:100vh;border:0;background:Canvas;color-scheme:light dark;' +
  'box-shadow:0 0 12px #0005}';

/** The mounted launcher: its host element (undefined when not mounted), button and panel. */
let host: HTMLElement | undefined;
let button: HTMLButtonElement;
let shadow: ShadowRoot;
/**
 * The panel, made on first open: an iframe is a browsing context (a document, its load events),
 * about 8 ms of the page's main thread, which no page load should pay before the panel is wanted.
 */
let frame: HTMLIFrameElement | undefined;
let stopMessages: () => void;
/** Given to this mount's panel in its address; a helper frame the page plants does not know it. */
let panelKey: string;
/**
 * Follows the page's dialogs while the panel is open, placing it at most once per frame. Mutation
 * records arrive at every microtask checkpoint, which for a page re-rendering under a run (or a
 * person's fast clicks) is after every click: placing there measured the dialog, a forced layout
 * of the whole page, hundreds of times a second (at 500 endpoint rows that added ~0.8 s to the
 * page's own work). A frame is when the page is drawn anyway.
 */
let placing = 0;
const placeSoon = () => {
  placing ||= requestAnimationFrame(() => {
    placing = 0;
    placePanel();
  });
};
const observer = new MutationObserver(placeSoon);
/** The page's own margin-left and margin-right on <html>, put back when the panel closes. */
let saved: [string, string] = ['', ''];

export interface LauncherOptions {
  /** Open the panel right away ("Open automatically" in the helper's settings). */
  autoOpen: boolean;
}

/** Adds the launcher (once: calling it again only applies autoOpen). */
export function mountLauncher({ autoOpen }: LauncherOptions): void {
  if (!host) create();
  if (autoOpen) setPanel(true, false);
}

/** Removes the launcher and panel and gives the page its layout back. */
export function unmountLauncher(): void {
  if (!host) return;
  setPanel(false, false);
  stopMessages();
  host.remove();
  host = undefined;
}

export const isPanelOpen = (): boolean => !!host && !!frame && !frame.hidden;

function create(): void {
  // A host left by an earlier injection (the extension was updated) belongs to a dead script.
  for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
  host = document.createElement(HOST_TAG);
  // Inline !important beats any page stylesheet, so the page cannot hide or move the host.
  host.style.cssText = `all:initial!important;position:fixed!important;z-index:${HOST_Z}!important`;
  const style = document.createElement('style');
  style.textContent = CSS;
  button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('launcherButton');
  button.setAttribute('aria-expanded', 'false');
  button.onclick = () => setPanel(!isPanelOpen(), true);
  frame = undefined;
  panelKey = crypto.randomUUID();
  shadow = host.attachShadow({ mode: 'closed' });
  shadow.append(style, button);
  document.documentElement.append(host);
  stopMessages = handleMessages({
    closePanel: () => {
      setPanel(false, true);
      return undefined;
    },
    panelClear,
  });
}

/**
 * Opens or closes the panel; `focus` moves focus into it (open) or back to the launcher (close).
 * While open it follows the page's dialogs and the window size.
 */
function setPanel(open: boolean, focus: boolean): void {
  if (!host || open === isPanelOpen()) return;
  const html = document.documentElement.style;
  if (open && !frame) {
    // Made and loaded on first open only: the helper page costs nothing until it is wanted.
    frame = document.createElement('iframe');
    frame.title = t('helperTitle');
    frame.src = `${extensionUrl('src/helper/index.html')}?embedded=1&panel=${panelKey}`;
    shadow.append(frame);
  }
  if (frame) frame.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) {
    saved = [html.marginLeft, html.marginRight];
    placePanel();
    observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
      attributeFilter: ['role', 'open', 'hidden', 'style', 'class', 'aria-hidden'],
    });
    addEventListener('resize', placeSoon);
    if (focus) frame?.focus();
  } else {
    observer.disconnect();
    cancelAnimationFrame(placing);
    placing = 0;
    removeEventListener('resize', placeSoon);
    [html.marginLeft, html.marginRight] = saved;
    button.style.left = '';
    if (focus) button.focus();
  }
}

/** Places the panel beside any open dialog (the wizard) instead of over it. */
export function placePanel(): void {
  if (!host || !frame || frame.hidden) return;
  const viewport = document.documentElement.clientWidth || innerWidth;
  let left = Infinity;
  let right = -Infinity;
  for (const dialog of document.querySelectorAll(
    '[role="dialog"],[role="alertdialog"],dialog[open]',
  )) {
    const box = dialog.getBoundingClientRect();
    if (box.width && box.height) {
      left = Math.min(left, box.left);
      right = Math.max(right, box.right);
    }
  }
  let onLeft = false;
  let width = Math.min(PANEL_WIDTH, Math.max(MIN_PANEL_WIDTH, viewport - PANEL_WIDTH));
  if (right > left) {
    const rightGap = viewport - right - GAP;
    const leftGap = left - GAP;
    onLeft = leftGap > rightGap;
    // Too little room on both sides (a narrow window): keep a usable width; the panel's header
    // lets the person hide it, and the launcher brings it back.
    width = Math.max(MIN_PANEL_WIDTH, Math.min(PANEL_WIDTH, Math.max(rightGap, leftGap)));
  }
  const px = `${width}px`;
  const style = frame.style;
  style.width = px;
  style.left = onLeft ? '0' : '';
  style.right = onLeft ? '' : '0';
  // The launcher stays reachable beside a left-docked panel.
  button.style.left = onLeft ? px : '';
  // The page's own flow (not its fixed modal) moves aside, so nothing under the panel is lost.
  const html = document.documentElement.style;
  html.marginLeft = onLeft ? px : saved[0];
  html.marginRight = onLeft ? saved[1] : px;
}

/**
 * Whether the panel is what the person sees at a point of it (frame coordinates): the asking
 * frame knows this mount's key, the panel is shown, no page element is on top of it there (hit
 * testing respects clip-path too), and the page's root is not faded or filtered. The host needs
 * no check: its inline `all:initial!important` beats any page style, and the closed root keeps
 * page scripts off the frame. The helper asks before Create and Clear audit log, so a page cannot
 * make the person press them unseen. An overlay with `pointer-events: none` escapes
 * elementFromPoint; paintedOver (shipped with the driver, which a run has loaded by then) looks
 * for one; IntersectionObserver v2 in panel-guard.ts also catches it, where the browser has it.
 */
async function panelClear({ key, x, y }: RequestMap['panelClear']['req']): Promise<boolean> {
  if (!host || !frame || key !== panelKey || frame.hidden) return false;
  const { paintedOver } = await loadDriver();
  if (!host || !frame) return false;
  const box = frame.getBoundingClientRect();
  const root = getComputedStyle(document.documentElement);
  const [px, py] = [box.left + x, box.top + y];
  // The hit is retargeted to the host for anything inside its shadow root.
  return (
    document.elementFromPoint(px, py) === host &&
    root.opacity === '1' &&
    root.filter === 'none' &&
    !paintedOver(px, py, host, HOST_Z)
  );
}
