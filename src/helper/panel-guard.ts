import { sendToTab } from '../platform/messaging';
import type { Target } from './target';

/**
 * Before Create and Clear audit log, the in-page panel makes sure the person can see what they
 * click: the page around it could cover, fade or clip the panel and trick a click. Two checks,
 * both must pass:
 *   - IntersectionObserver v2 (`trackVisibility`, Chromium): the browser itself says whether the
 *     button is painted unobscured and at full opacity, across the frame boundary;
 *   - the content script that made the panel (launcher.ts panelClear), in every browser: the
 *     frame is the one it made (the key), shown, unfaded, and on top at the button.
 * The toolbar popup and a popped-out tab are browser UI the page cannot draw over: no check.
 */

let target: Target | undefined;

/** Called once the helper knows where it runs. */
export const guardPanel = (found: Target): void => {
  target = found;
};

/** Whether `element` (a button of this page) can be trusted to have been seen when clicked. */
export async function panelIsClear(element: Element | null | undefined): Promise<boolean> {
  if (!target?.embedded) return true;
  const { tabId, panelKey } = target;
  if (!element || tabId === undefined || !panelKey) return false;
  if (!(await seenUnobscured(element))) return false;
  const box = element.getBoundingClientRect();
  const answer = await sendToTab(tabId, 'panelClear', {
    key: panelKey,
    x: box.left + box.width / 2,
    y: box.top + box.height / 2,
  }).catch(() => false);
  return answer === true;
}

type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

/** IntersectionObserver v2 where the browser has it; elsewhere this check is left to the other. */
function seenUnobscured(element: Element): Promise<boolean> {
  if (typeof IntersectionObserverEntry === 'undefined') return Promise.resolve(true);
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        observer.disconnect();
        resolve((entries.at(-1) as V2Entry | undefined)?.isVisible === true);
      },
      // trackVisibility needs a delay of at least 100 ms (the spec's minimum).
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(element);
  });
}
