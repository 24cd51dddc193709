import { squash } from './text';

/**
 * A small accessible-name computation, enough for the shapes in README.md: aria-labelledby,
 * aria-label, <label for>/wrapping <label>, <fieldset>/<legend>, embedded control values, and
 * text content for roles named by their content. dom-accessibility-api does the full algorithm
 * but is too large for the content script's size budget.
 */

/** Roles named by their content, among those the driver looks for. */
const FROM_CONTENT = /^(button|checkbox|switch|option|heading)$/;

const isField = (e: Element) => /^(input|select|textarea)$/.test(e.localName);

/**
 * What an embedded control contributes to a name: its value, as the spec says, for text fields
 * and selects; a checkbox or radio contributes nothing (its value is "on", not text).
 */
const fieldValue = (e: Element): string =>
  e.localName === 'select'
    ? ((e as HTMLSelectElement).selectedOptions[0]?.text ?? '')
    : /^(checkbox|radio)$/.test((e as HTMLInputElement).type)
      ? ''
      : (e as HTMLInputElement).value;

/**
 * What a person reads past inside a name or label: an icon (role=img; Ant Design's icons are
 * named after themselves, "right", "check") and a hint that is some control's description
 * (aria-describedby), which design systems may put inside the label element.
 */
const aside = (e: Element): boolean =>
  e.getAttribute('role') === 'img' ||
  (!!e.id && !!e.ownerDocument.querySelector(`[aria-describedby~="${CSS.escape(e.id)}"]`));

/**
 * Text of a subtree as a person reads it: each element's aria-label replaces its content, hidden
 * parts (hidden, aria-hidden, script), icons and hints (`aside`) are left out, and `skip` (the
 * control a label wraps) is not counted.
 */
export function contentText(node: Node, skip?: Element | null): string {
  let out = '';
  for (const child of node.childNodes) {
    const e = child as HTMLElement;
    if (child.nodeType === 3) out += (child as Text).data;
    else if (
      child.nodeType === 1 &&
      e !== skip &&
      !e.hidden &&
      e.getAttribute('aria-hidden') !== 'true' &&
      e.localName !== 'script' &&
      !aside(e)
    )
      // Spaces around elements keep "a@b.c<button>Remove…" apart; comparisons ignore spaces.
      out += ` ${e.getAttribute('aria-label') || (isField(e) ? fieldValue(e) : contentText(e, skip))} `;
  }
  return out;
}

/**
 * The labels of a field, in page order: its wrapping label and every label[for] naming it, each
 * only if it labels this very element (label.control). Not `el.labels`: that is a live NodeList,
 * and every live list the document keeps is revisited on each change of any element's name,
 * type or id. React re-sets those on every input it re-renders, so after reading 500 endpoint
 * rows each click cost the page 500 x 1,500 list visits, and its own re-render took 3.4 times
 * as long as without the driver.
 */
function labelsOf(el: Element): HTMLLabelElement[] {
  const wrapping = el.parentElement?.closest('label');
  const byFor = el.id
    ? [
        ...(el.getRootNode() as Document | ShadowRoot).querySelectorAll<HTMLLabelElement>(
          `label[for="${CSS.escape(el.id)}"]`,
        ),
      ]
    : [];
  const all = wrapping && !byFor.includes(wrapping) ? [wrapping, ...byFor] : byFor;
  return all
    .filter((l) => l.control === el)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * The element's accessible name, whitespace collapsed: aria-labelledby, aria-label, a field's
 * labels, a fieldset's legend, content (for `role`s named by it), then title or placeholder.
 */
export function accessibleName(el: Element, role: string): string {
  const legend = el.localName === 'fieldset' && el.querySelector(':scope > legend');
  return (
    squash(
      el
        .getAttribute('aria-labelledby')
        ?.split(/\s+/)
        .map((id) => {
          const ref = el.ownerDocument.getElementById(id);
          // A control that lists itself (custom drop-down: "<label> <shown value>") reads its content.
          return ref
            ? (ref !== el && ref.getAttribute('aria-label')) ||
                (isField(ref) ? fieldValue(ref) : contentText(ref))
            : '';
        })
        .join(' '),
    ) ||
    squash(el.getAttribute('aria-label')) ||
    (isField(el) &&
      squash(
        labelsOf(el)
          .map((l) => contentText(l, el))
          .join(' '),
      )) ||
    (legend && squash(contentText(legend))) ||
    (FROM_CONTENT.test(role) &&
      squash(el.localName === 'input' ? (el as HTMLInputElement).value : contentText(el))) ||
    squash(el.getAttribute('title') || el.getAttribute('placeholder'))
  );
}
