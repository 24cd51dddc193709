import { squash } from './text';

/**
 * A small accessible-name computation, enough for the shapes in README.md: aria-labelledby,
 * aria-label, <label for>/wrapping <label>, <fieldset>/<legend>, embedded control values, and
 * text content for roles named by their content. dom-accessibility-api does the full algorithm
 * but is too large for the content script's size budget.
 */

const FROM_CONTENT = /^(button|checkbox|switch|radio|option|link|tab|heading|menuitem\w*|cell)$/;

/** Cheap hidden test for descendants (the full check in locate.ts is costlier). */
const skipped = (e: Element) =>
  (e as HTMLElement).hidden || e.getAttribute('aria-hidden') === 'true' || e.localName === 'script';

const isField = (e: Element) => /^(input|select|textarea)$/.test(e.localName);

/** What an embedded control contributes to a name: its value, as the spec says. */
const fieldValue = (e: Element): string =>
  e.localName === 'select'
    ? ((e as HTMLSelectElement).selectedOptions[0]?.text ?? '')
    : (e as HTMLInputElement).value;

/**
 * Text of a subtree as a person reads it: each element's aria-label replaces its content, hidden
 * parts are left out, and `skip` (the control a label wraps) is not counted.
 */
export function contentText(node: Node, skip?: Element): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out += (child as Text).data;
    else if (child.nodeType === 1 && child !== skip && !skipped(child as Element)) {
      const e = child as Element;
      // Spaces around elements keep "a@b.c<button>Remove…" apart; comparisons ignore spaces.
      out += ` ${e.getAttribute('aria-label') || (isField(e) ? fieldValue(e) : contentText(e, skip))} `;
    }
  }
  return out;
}

const labelsOf = (el: Element): Element[] => [...((el as HTMLInputElement).labels ?? [])];

/** The element's accessible name, whitespace collapsed. `role` is the element's role. */
export function accessibleName(el: Element, role: string): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const parts = ids.split(/\s+/).map((id) => {
      const ref = el.ownerDocument.getElementById(id);
      if (!ref) return '';
      // A control that lists itself (custom drop-down: "<label> <shown value>") reads its content.
      return (
        (ref !== el && ref.getAttribute('aria-label')) ||
        (isField(ref) ? fieldValue(ref) : contentText(ref))
      );
    });
    const name = squash(parts.join(' '));
    if (name) return name;
  }
  const label = squash(el.getAttribute('aria-label'));
  if (label) return label;
  if (isField(el)) {
    const text = squash(
      labelsOf(el)
        .map((l) => contentText(l, el))
        .join(' '),
    );
    if (text) return text;
  }
  if (el.localName === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) return squash(contentText(legend));
  }
  if (FROM_CONTENT.test(role)) {
    const text = squash(
      el.localName === 'input' ? (el as HTMLInputElement).value : contentText(el),
    );
    if (text) return text;
  }
  return squash(el.getAttribute('title') || el.getAttribute('placeholder'));
}
