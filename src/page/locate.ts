import { accessibleName, contentText } from './accessible-name';
import { LOCALES } from './locales';
import { isLabel } from './text';

/**
 * Finding things the way a person does: by role and accessible name inside a container, then by
 * label. Zero or several matches is a refusal that names the target (never a guess).
 */

/** Native elements with an implicit role. Explicit role attributes win over these. */
const IMPLICIT: Record<string, string> = {
  button: 'button,input:is([type=button],[type=submit])',
  textbox: 'input:is(:not([type]),[type=text],[type=email],[type=search],[type=url]),textarea',
  checkbox: 'input[type=checkbox]',
  combobox: 'select:not([multiple])',
  dialog: 'dialog',
  group: 'fieldset',
  list: 'ul,ol',
  listitem: 'li',
  heading: 'h1,h2,h3,h4,h5,h6',
};

export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  for (const role in IMPLICIT) if (el.matches(IMPLICIT[role] as string)) return role;
  return '';
}

/** Hidden elements are not there for a person; checkVisibility covers display:none ancestors. */
export const visible = (el: Element): boolean =>
  !el.closest('[hidden],[aria-hidden=true],[inert]') && el.checkVisibility?.() !== false;

/** Accepted names (any alternative, see text.ts), or a test on the name. */
export type NameMatch = readonly string[] | ((name: string) => boolean);

export const nameOf = (el: Element): string => accessibleName(el, roleOf(el));

/**
 * Label decorations of every UI language ("(optional)", "（任意）", "*", ":"): a page may mix
 * them, and none of them is a word that could make a different label.
 */
const DECORATIONS = Object.values(LOCALES).flatMap((s) => s.decorations);

/** Whether a name or label text reads as one of `names` (see isLabel). */
const reads = (text: string, names: readonly string[]) => isLabel(text, names, DECORATIONS);

const named = (el: Element, name: NameMatch) =>
  typeof name === 'function' ? name(nameOf(el)) : reads(nameOf(el), name);

/**
 * The refusal: names the target and why ("Token Name (textbox) not found"). A plain Error: only
 * its message is ever used (a Stop, by contrast, also names the wizard step).
 */
export const LocatorError = Error;

const withRole = (container: ParentNode, role: string): Element[] =>
  [
    ...container.querySelectorAll(`[role=${role}]${IMPLICIT[role] ? `,${IMPLICIT[role]}` : ''}`),
  ].filter((el) => roleOf(el) === role && visible(el));

/**
 * Controls of `role` whose label (a <label>, or an element referenced by aria-labelledby) reads
 * `names`. Catches the custom drop-down whose name is "<label> <shown value>".
 */
function byLabel(container: ParentNode, role: string, names: readonly string[]): Element[] {
  const found = new Set<Element>();
  const labels = [...container.querySelectorAll('label,[id]')].filter((l) =>
    reads(contentText(l, (l as HTMLLabelElement).control), names),
  );
  for (const l of labels) {
    const control = (l as HTMLLabelElement).control;
    if (control) found.add(control);
    if (l.id)
      for (const el of container.querySelectorAll('[aria-labelledby]'))
        if (el.getAttribute('aria-labelledby')?.split(/\s+/).includes(l.id)) found.add(el);
  }
  return [...found].filter((el) => roleOf(el) === role && visible(el));
}

/** Every visible element of `role` in `container` whose name matches (role+name, then label). */
export function queryAll(container: ParentNode, role: string, name?: NameMatch): Element[] {
  const all = withRole(container, role);
  if (!name) return all;
  const hits = all.filter((el) => named(el, name));
  return hits.length || typeof name === 'function' ? hits : byLabel(container, role, name);
}

/** "Token Name (textbox)": how a refusal names its target. `what` names a test-function target. */
export const targetName = (role: string, name?: NameMatch, what?: string): string =>
  `${what ?? (typeof name === 'object' ? name[0] : 'element')} (${role})`;

/** The refusal for `found` not being exactly one: "GET (checkbox) is ambiguous: 4 matches". */
const refusal = (found: unknown[], target: string) =>
  new LocatorError(
    found.length > 1 ? `${target} is ambiguous: ${found.length} matches` : `${target} not found`,
  );

/** The single element found, or a LocatorError naming the target and the count. */
export function one<T>(found: T[], target: string): T {
  if (found.length === 1) return found[0] as T;
  throw refusal(found, target);
}

/** Exactly one match, or a LocatorError naming the target. */
export const getOne = (
  container: ParentNode,
  role: string,
  name?: NameMatch,
  what?: string,
): Element => one(queryAll(container, role, name), targetName(role, name, what));

export interface WaitOptions {
  signal: AbortSignal;
  /** ms; a page that takes longer is treated as different from what we expect. */
  timeout?: number;
}

export const DEFAULT_TIMEOUT = 10_000;

/**
 * Resolves with check()'s first truthy result, re-checking on every DOM change (never a fixed
 * sleep). A throw from check() rejects at once. Rejects with `onTimeout()` after the timeout and
 * with the signal's reason on abort.
 */
export function waitFor<T>(
  check: () => T | null | undefined | false | '',
  { signal, timeout = DEFAULT_TIMEOUT }: WaitOptions,
  onTimeout: () => Error = () => new LocatorError('the page did not respond'),
): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  // Most checks pass at once (the page answered inside the click): no observer, timer or
  // listener for those, since a 500-row step asks thousands of times.
  try {
    const v = check();
    if (v) return Promise.resolve(v);
  } catch (e) {
    return Promise.reject(e);
  }
  // Not yet: from here on, every DOM change is a new look.
  return new Promise<T>((resolve, reject) => {
    /** Settles once: stops watching, then resolves (ok) or rejects with `value`. */
    const finish = (ok: boolean, value: unknown) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      (ok ? resolve : reject)(value as T);
    };
    const abort = () => finish(false, signal.reason);
    const test = () => {
      try {
        const v = check();
        if (v) finish(true, v);
      } catch (e) {
        finish(false, e);
      }
    };
    const observer = new MutationObserver(test);
    const timer = setTimeout(() => finish(false, onTimeout()), timeout);
    signal.addEventListener('abort', abort);
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

/** Waits until `find` returns exactly one element; on timeout, the refusal of that moment. */
export const waitForFound = (
  find: () => Element[],
  target: string,
  options: WaitOptions,
): Promise<Element> =>
  waitFor(
    () => {
      const found = find();
      return found.length === 1 && found[0];
    },
    options,
    () => refusal(find(), target),
  );

/** waitFor + getOne: the page may render the target late (data loads, step transitions). */
export const waitForOne = (
  container: ParentNode,
  role: string,
  name: NameMatch | undefined,
  options: WaitOptions,
  what?: string,
): Promise<Element> =>
  waitForFound(() => queryAll(container, role, name), targetName(role, name, what), options);
