import type { ChoiceField, TextField, WizardStep } from '../core/plan';
import { contentText } from './accessible-name';
import { chooseOption, pressEnter, ready, shownValue, typeText } from './actions';
import { en } from './locales/en';
import { getOne, type NameMatch, queryAll, waitFor, waitForFound, waitForOne } from './locate';
import { rememberVersionOptions, versionOptions } from './page-info';
import { hasAny, key, norm, squash } from './text';
import { alertText, type Ctx, opts, Stop, wizard } from './wizard';

/** The wizard's fields: find, fill, read. Page labels come from the locale table (Ctx.s). */

type Field = TextField | ChoiceField;

export const FIELD_STEP: Record<Field, WizardStep> = {
  tokenName: 'setup',
  description: 'setup',
  apiVersion: 'setup',
  primaryContact: 'contact',
};

/** English field name for reasons ("Description is 'x', expected 'y'"); the UI localizes. */
export const fieldName = (field: Field | 'developerEmails'): string => en[field][0] as string;

// ---- text fields ----

export const textbox = async (c: Ctx, field: TextField): Promise<HTMLInputElement> =>
  (await waitForOne(wizard(c), 'textbox', c.s[field], opts(c))) as HTMLInputElement;

/** Fills, then checks the page kept the value (a controlled input may refuse or cut it). */
export async function fillText(c: Ctx, field: TextField, value: string): Promise<void> {
  const box = await textbox(c, field);
  typeText(ready(box, fieldName(field)), value);
  if (!sameText(box.value, value))
    throw new Stop(FIELD_STEP[field], `${fieldName(field)} did not take the value '${value}'`);
}

/** Textareas report line breaks as \n whatever was set. */
export const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');

// ---- drop-downs (custom listbox button, or native select) ----

/**
 * A native select is a combobox named by its label; a custom drop-down is a button (or combobox)
 * whose name is "<label> <shown value>", found through its label.
 */
const choiceControls = (c: Ctx, field: ChoiceField): Element[] => {
  const w = wizard(c);
  const labels = c.s[field];
  return [...new Set([...queryAll(w, 'combobox', labels), ...queryAll(w, 'button', labels)])];
};

const choiceControl = (c: Ctx, field: ChoiceField) =>
  waitForFound(() => choiceControls(c, field), `${fieldName(field)} (drop-down)`, opts(c));

export const readChoice = async (c: Ctx, field: ChoiceField): Promise<string> =>
  shownValue(await choiceControl(c, field));

/** "16" as a whole number in the text: not 116, not 2016-06-01's "16"-less parts. */
const hasVersion = (text: string, version: string) =>
  new RegExp(`(^|\\D)${version}(\\D|$)`).test(norm(text));

/** The option to take for "latest": the one marked Latest/最新, else the first (README). */
const latestIndex = (c: Ctx, names: string[]): number[] => {
  const marked = names.flatMap((n, i) => (hasAny(n, c.s.latest) ? [i] : []));
  return marked.length ? marked : names.length ? [0] : [];
};

/** Indexes of the options that fit the request; exactly one is required. */
function matchOptions(c: Ctx, field: ChoiceField, want: string, names: string[]): number[] {
  if (field === 'primaryContact')
    return names.flatMap((n, i) => (key(n).includes(key(want)) ? [i] : []));
  rememberVersionOptions(names);
  if (want === 'latest') return latestIndex(c, names);
  return names.flatMap((n, i) => (hasVersion(n, want) ? [i] : []));
}

/** Whether the shown value is the requested one. */
export function choiceShows(c: Ctx, field: ChoiceField, want: string, shown: string): boolean {
  if (field === 'primaryContact') return !want || key(shown).includes(key(want));
  const names = versionOptions();
  const version =
    want === 'latest' ? names[latestIndex(c, names)[0] ?? -1]?.match(/\d+/)?.[0] : want;
  return !!version && hasVersion(shown, version);
}

export async function chooseField(c: Ctx, field: ChoiceField, want: string): Promise<void> {
  if (field === 'primaryContact' && !want) return; // '' keeps the page's default contact
  const step = FIELD_STEP[field];
  const what = fieldName(field);
  const control = ready(await choiceControl(c, field), what);
  await chooseOption(
    control,
    (names) => {
      const hits = matchOptions(c, field, want, names);
      if (hits.length === 1) return hits[0] as number;
      throw new Stop(
        step,
        hits.length
          ? `${what} '${want}' matches ${hits.length} options`
          : `${what} '${want}' is not offered on this page`,
      );
    },
    () => {
      const found = choiceControls(c, field);
      return found.length === 1 && choiceShows(c, field, want, shownValue(found[0] as Element));
    },
    opts(c),
  );
}

// ---- developer emails: a textbox that turns each address into a tag ----

const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/;

/** The tags (listitems of the list labelled like the textbox) and their addresses. */
export function readTags(c: Ctx): { email: string; item: Element }[] {
  const lists = queryAll(wizard(c), 'list', c.s.developerEmails);
  if (lists.length > 1) getOne(wizard(c), 'list', c.s.developerEmails);
  return lists[0]
    ? queryAll(lists[0], 'listitem').map((item) => {
        const text = contentText(item);
        return { item, email: text.match(EMAIL)?.[0] ?? squash(text) };
      })
    : [];
}

const hasTag = (c: Ctx, email: string) => readTags(c).some((t) => norm(t.email) === norm(email));

/**
 * Adds each missing address as a tag: type it, press Enter, wait for the tag. An alert instead
 * means the page refused the address, in its own words. With `exact`, tags not asked for are
 * removed through their remove buttons (read-back's second fill).
 */
export async function setEmails(c: Ctx, emails: string[], exact: boolean): Promise<void> {
  const fail = (reason: string) => new Stop('contact', reason);
  for (const email of emails) {
    if (hasTag(c, email)) continue;
    const box = ready(
      await waitForOne(wizard(c), 'textbox', c.s.developerEmails, opts(c)),
      fieldName('developerEmails'),
    );
    typeText(box, email);
    pressEnter(box);
    await waitFor(
      () => {
        if (hasTag(c, email)) return true;
        const alert = alertText(c);
        if (alert) throw fail(alert);
      },
      opts(c),
      () => fail(`${email} was not added to ${fieldName('developerEmails')}`),
    );
  }
  if (!exact) return;
  for (const tag of readTags(c)) {
    if (emails.some((e) => norm(e) === norm(tag.email))) continue;
    const remove: NameMatch = [c.s.removeTag.replace('{email}', tag.email)];
    ready(getOne(tag.item, 'button', remove), String(remove[0])).click();
    await waitFor(
      () => !hasTag(c, tag.email),
      opts(c),
      () => fail(`${tag.email} was not removed`),
    );
  }
}
