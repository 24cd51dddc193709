import {
  LocatorError,
  nameOf,
  queryAll,
  roleOf,
  visible,
  type WaitOptions,
  waitFor,
} from './locate';
import { key, squash } from './text';

/**
 * Filling like a person on React-controlled pages. Every action writes through the same events a
 * person's input produces, then waits for the page's own state change (never a fixed sleep).
 */

export const isChecked = (el: Element): boolean =>
  el.localName === 'input'
    ? (el as HTMLInputElement).checked
    : el.getAttribute('aria-checked') === 'true';

/** Still in the page, visible, enabled and writable. */
export const usable = (el: Element | undefined): el is HTMLElement => {
  const e = el as HTMLInputElement | undefined;
  return (
    !!e?.isConnected &&
    visible(e) &&
    !e.disabled &&
    !e.readOnly &&
    e.getAttribute('aria-disabled') !== 'true'
  );
};

/**
 * Re-checks a target just before writing to it (Bitwarden's rule): a control that left the page,
 * got hidden or disabled since it was found is not written to.
 */
export function ready(el: Element, what: string): HTMLElement {
  if (!usable(el)) throw new LocatorError(`${what} is not available (gone, hidden or disabled)`);
  return el;
}

const fire = (el: Element, type: string) => el.dispatchEvent(new Event(type, { bubbles: true }));

/**
 * Writes a value as a person's input does: focus, the prototype's setter (HTMLInputElement/
 * HTMLTextAreaElement/HTMLSelectElement.prototype, skipping the instance property React installs
 * to track values, or React would see no change and never run onChange), then bubbling
 * `input` and `change`.
 */
export function typeText(el: HTMLElement, value: string): void {
  el.focus();
  for (let p = Object.getPrototypeOf(el); p; p = Object.getPrototypeOf(p)) {
    const setter = Object.getOwnPropertyDescriptor(p, 'value')?.set;
    if (setter) {
      setter.call(el, value);
      break;
    }
  }
  fire(el, 'input');
  fire(el, 'change');
}

/**
 * A person's click as the events it produces. Drop-down libraries open on different ones
 * (pointerdown, mousedown or click), so custom drop-downs and options get all of them.
 */
export function press(el: HTMLElement): void {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, view: window };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'])
    el.dispatchEvent(
      new (type[0] === 'p' ? (globalThis.PointerEvent ?? MouseEvent) : MouseEvent)(type, init),
    );
  el.focus();
  el.click();
}

/** Enter in a tag input (its default action, form submission, never runs for scripts). */
export const pressEnter = (el: HTMLElement): boolean =>
  el.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true }),
  );

/**
 * The value a drop-down shows: the selected option of a native select, the text of an editable
 * combobox (an input), else the control's text.
 */
export const shownValue = (el: Element): string =>
  squash(
    el.localName === 'select'
      ? (el as HTMLSelectElement).selectedOptions[0]?.text
      : el.localName === 'input'
        ? (el as HTMLInputElement).value
        : el.textContent,
  );

/**
 * The list a drop-down opened, once it is not busy loading: the listbox it controls or owns
 * (or the one inside that element), else the only listbox shown.
 */
function openList(control: Element): Element | undefined {
  const refs = ['aria-controls', 'aria-owns'].flatMap((a) =>
    (control.getAttribute(a) ?? '').split(/\s+/).flatMap((id) => document.getElementById(id) ?? []),
  );
  const [box, more] = refs.length
    ? refs.flatMap((r) => (roleOf(r) === 'listbox' ? [r] : queryAll(r, 'listbox'))).filter(visible)
    : queryAll(document, 'listbox');
  return !more && box?.getAttribute('aria-busy') !== 'true' ? box : undefined;
}

/** What to choose in a drop-down, and how to tell it was chosen. */
export interface Choice {
  /** Typed into an editable combobox to filter its list ('' lists every option). */
  typed: string;
  /** Indexes of the options (by text) that are the wanted one; exactly one is chosen. */
  match: (names: string[]) => number[];
  /** The refusal when `hits` options (none, or several) are the wanted one. */
  refuse: (hits: number) => Error;
  /** Re-finds the control and tells whether it now shows the choice. */
  shows: () => boolean;
}

/**
 * Picks one option of a drop-down as a person does: a native select takes the value; a custom
 * one is pressed open, an editable combobox (an input) gets the typed text, which opens and
 * filters its list. The list may render at the end of body, after a delay, and (a debounced
 * search) still unfiltered for a while: the wanted option is awaited until it is there, or the
 * list is filtered by the typed text without it.
 */
export async function chooseOption(
  control: HTMLElement,
  { typed, match, refuse, shows }: Choice,
  options: WaitOptions,
): Promise<void> {
  const editable = control.localName === 'input';
  let names: string[] = [];
  /** Index in `names` of the one wanted option; undefined: not there yet (still filtering). */
  const pick = (): number | undefined => {
    const hits = match(names);
    if (hits.length === 1) return hits[0];
    if (hits.length || !editable || names.every((n) => key(n).includes(key(typed))))
      throw refuse(hits.length);
  };
  if (control.localName === 'select') {
    const select = control as HTMLSelectElement;
    names = [...select.options].map((o) => squash(o.text));
    typeText(select, select.options[pick() as number]?.value ?? '');
  } else {
    if (editable) typeText(control, typed);
    else press(control);
    const option = await waitFor(
      () => {
        const box = openList(control);
        const items = box ? queryAll(box, 'option') : [];
        names = items.map(nameOf);
        const i = items.length ? pick() : undefined;
        return i !== undefined && items[i];
      },
      options,
      () =>
        editable || names.length ? refuse(0) : new LocatorError('the drop-down list did not open'),
    );
    press(ready(option, 'the option'));
  }
  await waitFor(shows, options, () => new LocatorError('the drop-down did not take the choice'));
}
