/**
 * Whether a page element is painted over the point (x, y) of the viewport while hit testing skips
 * it: an overlay with `pointer-events: none` (its own or inherited) lets the click through to
 * the panel, so elementFromPoint cannot see it, yet the person sees it and not the panel. Chromium
 * has IntersectionObserver v2 for this (src/helper/panel-guard.ts); Firefox has not, so the
 * content script looks for itself, only when asked (before Create or Clear audit log).
 *
 * An element counts when it is drawn (not transparent as a whole, not hidden), its box holds the
 * point, and it stacks at or above `hostZ` in the root stacking context (or sits in the top
 * layer: a popover, a modal dialog, fullscreen). Page overlays that stay under the panel (a toast
 * container at z-index 9999) do not count. Shadow roots are searched too; a closed one where the
 * browser lets content scripts in (Firefox's openOrClosedShadowRoot).
 */
export function paintedOver(x: number, y: number, host: Element, hostZ: number): boolean {
  const pending: Element[] = [document.documentElement];
  for (let el = pending.pop(); el; el = pending.pop()) {
    if (el === host) continue;
    const style = getComputedStyle(el);
    // Nothing inside an element drawn fully transparent, or not drawn at all, can be seen.
    if (style.display === 'none' || style.opacity === '0') continue;
    const shadow = (el as { openOrClosedShadowRoot?: ShadowRoot }).openOrClosedShadowRoot;
    pending.push(...el.children, ...((shadow ?? el.shadowRoot)?.children ?? []));
    if (style.pointerEvents !== 'none' || style.visibility !== 'visible') continue;
    const box = el.getBoundingClientRect();
    if (x < box.left || x >= box.right || y < box.top || y >= box.bottom) continue;
    if (el.matches(':popover-open,:modal,:fullscreen') || rootLevelZ(el) >= hostZ) return true;
  }
  return false;
}

/**
 * The z-index `el` paints at among the root's children: that of its outermost ancestor (itself
 * included) forming a stacking context. One with `z-index: auto` (a transform, an opacity, a
 * fixed position) paints at 0.
 */
function rootLevelZ(el: Element): number {
  let z = 0;
  for (let a: Element | null = el; a && a !== document.documentElement; a = a.parentElement) {
    const s = getComputedStyle(a);
    const indexed = s.position !== 'static' && s.zIndex !== 'auto';
    if (indexed) z = Number(s.zIndex);
    else if (
      s.position === 'fixed' ||
      s.position === 'sticky' ||
      s.transform !== 'none' ||
      s.opacity !== '1' ||
      s.filter !== 'none' ||
      s.isolation === 'isolate'
    )
      z = 0;
  }
  return z;
}
