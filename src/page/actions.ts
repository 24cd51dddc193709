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

const disabled = (el: Element) =>
  (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';

/**
 * Re-checks a target just before writing to it (Bitwarden's rule): a control that left the page,
 * got hidden or disabled since it was found is not written to.
 */
export function ready(el: Element, what: string): HTMLElement {
  if (!el.isConnected || !visible(el)) throw new LocatorError(`${what} is no longer on the page`);
  if (disabled(el) || (el as HTMLInputElement).readOnly)
    throw new LocatorError(`${what} is disabled`);
  return el as HTMLElement;
}

const fire = (el: Element, type: string) => el.dispatchEvent(new Event(type, { bubbles: true }));

/**
 * Sets a property through the prototype's setter (HTMLInputElement/HTMLTextAreaElement/
 * HTMLSelectElement.prototype), skipping the instance property React installs to track values:
 * otherwise React sees no change and its onChange never runs.
 */
function setNative(el: Element, prop: 'value', value: string) {
  for (let p = Object.getPrototypeOf(el); p; p = Object.getPrototypeOf(p)) {
    const setter = Object.getOwnPropertyDescriptor(p, prop)?.set;
    if (setter) return setter.call(el, value);
  }
}

/** Types a whole value: focus, native setter, then bubbling input and change. */
export function typeText(el: HTMLElement, value: string): void {
  el.focus();
  setNative(el, 'value', value);
  fire(el, 'input');
  fire(el, 'change');
}

/**
 * A person's click as the events it produces. Drop-down libraries open on different ones
 * (pointerdown, mousedown or click), so custom drop-downs and options get all of them.
 */
export function press(el: HTMLElement): void {
  const Pointer = globalThis.PointerEvent ?? MouseEvent;
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, view: window };
  el.dispatchEvent(new Pointer('pointerdown', init));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.focus();
  el.dispatchEvent(new Pointer('pointerup', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.click();
}

/** Sends Enter to a tag input (its default action, form submission, does not run for scripts). */
export function pressEnter(el: HTMLElement): void {
  const init = {
    key: 'Enter',
    code: 'Enter',
    keyCode: 13,
    which: 13,
    bubbles: true,
    cancelable: true,
  };
  el.dispatchEvent(new KeyboardEvent('keydown', init));
  el.dispatchEvent(new KeyboardEvent('keyup', init));
}

/** The value a drop-down shows: the selected option of a native select, else the control's text. */
export const shownValue = (el: Element): string =>
  squash(
    el.localName === 'select'
      ? (el as HTMLSelectElement).selectedOptions[0]?.text
      : el.localName === 'input'
        ? (el as HTMLInputElement).value
        : el.textContent,
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
    select.focus();
    setNative(select, 'value', option?.value ?? '');
    fire(select, 'input');
    fire(select, 'change');
  } else {
    press(control);
    const listbox = await waitFor(
      () => {
        const id = control.getAttribute('aria-controls');
        const ref = id && document.getElementById(id);
        const boxes = ref ? [ref].filter(visible) : queryAll(document, 'listbox');
        return boxes.length === 1 && queryAll(boxes[0] as Element, 'option').length > 0 && boxes[0];
      },
      options,
      () => new LocatorError('the drop-down list did not open'),
    );
    const items = queryAll(listbox, 'option');
    const option = items[pick(items.map(nameOf))] as HTMLElement;
    press(ready(option, 'the option'));
  }
  await waitFor(shows, options, () => new LocatorError('the drop-down did not take the choice'));
}
