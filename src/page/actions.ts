import { LocatorError, nameOf, queryAll, visible, type WaitOptions, waitFor } from './locate';
import { squash } from './text';

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

/** The value a drop-down shows: the selected option of a native select, else the control's text. */
export const shownValue = (el: Element): string =>
  squash(
    el.localName === 'select' ? (el as HTMLSelectElement).selectedOptions[0]?.text : el.textContent,
  );

/**
 * Picks one option of a drop-down. `pick` gets the option texts and returns the index to choose
 * (or throws a refusal); `shows` re-finds the control and tells whether it now shows the choice.
 * Custom listboxes may render at the end of body and after a delay, so both are awaited.
 */
export async function chooseOption(
  control: HTMLElement,
  pick: (names: string[]) => number,
  shows: () => boolean,
  options: WaitOptions,
): Promise<void> {
  if (control.localName === 'select') {
    const select = control as HTMLSelectElement;
    const option = select.options[pick([...select.options].map((o) => squash(o.text)))];
    typeText(select, option?.value ?? '');
  } else {
    press(control);
    const listbox = await waitFor(
      () => {
        const ref = document.getElementById(control.getAttribute('aria-controls') ?? '');
        const [box, more] = ref ? [ref].filter(visible) : queryAll(document, 'listbox');
        return !more && box && queryAll(box, 'option').length > 0 && box;
      },
      options,
      () => new LocatorError('the drop-down list did not open'),
    );
    const items = queryAll(listbox, 'option');
    press(ready(items[pick(items.map(nameOf))] as Element, 'the option'));
  }
  await waitFor(shows, options, () => new LocatorError('the drop-down did not take the choice'));
}
