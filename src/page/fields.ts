import type { ChoiceField, TextField, WizardStep } from '../core/plan';
import { contentText } from './accessible-name';
import { chooseOption, pressEnter, ready, shownValue, typeText } from './actions';
import { en } from './locales/en';
import { getOne, queryAll, waitFor, waitForFound, waitForOne } from './locate';
import { rememberVersionOptions, versionOptions } from './page-info';
import { hasAny, key, norm, squash } from './text';
import { type Ctx, checkAlert, Stop, wizard } from './wizard';

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

export const textbox = (c: Ctx, field: TextField): Promise<HTMLInputElement> =>
  waitForOne(wizard(c), 'textbox', c.s[field], c) as Promise<HTMLInputElement>;

/** Textareas report line breaks as \n whatever was set. */
export const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');

/** Fills, then checks the page kept the value (a controlled input may refuse or cut it). */
export async function fillText(c: Ctx, field: TextField, value: string): Promise<void> {
  const box = await textbox(c, field);
  typeText(ready(box, fieldName(field)), value);
  if (!sameText(box.value, value))
    throw new Stop(FIELD_STEP[field], `${fieldName(field)} did not take the value '${value}'`);
}

// ---- drop-downs (custom listbox button, or native select) ----

/**
 * A native select is a combobox named by its label; a custom drop-down is a button (or combobox)
 * whose name is "<label> <shown value>", found through its label.
 */
const choiceControls = (c: Ctx, field: ChoiceField): Element[] => {
  const w = wizard(c);
  return [
    ...new Set([...queryAll(w, 'combobox', c.s[field]), ...queryAll(w, 'button', c.s[field])]),
  ];
};

/** The one drop-down of `field`, once the page shows it. */
const choiceControl = (c: Ctx, field: ChoiceField): Promise<Element> =>
  waitForFound(() => choiceControls(c, field), `${fieldName(field)} (drop-down)`, c);

export const readChoice = async (c: Ctx, field: ChoiceField): Promise<string> =>
  shownValue(await choiceControl(c, field));

/** "16" as a whole number in the text: not 116, not the 16 of a date's 2016. */
const hasVersion = (text: string, version: string) =>
  new RegExp(`(^|\\D)${version}(\\D|$)`).test(norm(text));

const indexes = (names: string[], test: (name: string) => boolean) =>
  names.flatMap((n, i) => (test(n) ? [i] : []));

/** The options "latest" means: the one marked Latest/最新, else the first (README). */
const latest = (c: Ctx, names: string[]): number[] => {
  const marked = indexes(names, (n) => hasAny(n, c.s.latest));
  return marked.length || !names.length ? marked : [0];
};

const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/;

/**
 * "Ben Carter <ben@acme.example>" as [email, name] comparison keys; either may be ''. The brackets
 * around the email are not part of the name.
 */
const contactKeys = (s: string): [string, string] => {
  const email = s.match(EMAIL)?.[0] ?? '';
  return [norm(email), key(s.replace(email, '').replace(/[<>()[\]]/g, ''))];
};

/**
 * Whether a contact option ("Name <email>") is the requested contact: its email equals the
 * request's, or (a request without an email) its whole name does, case and spacing aside; a
 * request with both must match both. A part of either never does: asking for
 * carter@acme.example must not pick Ben Carter <ben.carter@acme.example>.
 */
export function isContact(option: string, want: string): boolean {
  const [email, name] = contactKeys(option);
  const [wantEmail, wantName] = contactKeys(want);
  return wantEmail
    ? wantEmail === email && (!wantName || wantName === name)
    : !!name && wantName === name;
}

/** Indexes of the options that fit the request; exactly one is required. */
function matchOptions(c: Ctx, field: ChoiceField, want: string, names: string[]): number[] {
  if (field === 'primaryContact') return indexes(names, (n) => isContact(n, want));
  rememberVersionOptions(names);
  return want === 'latest' ? latest(c, names) : indexes(names, (n) => hasVersion(n, want));
}

/** Whether the shown value is the requested one ('' contact: the page's default is accepted). */
export function choiceShows(c: Ctx, field: ChoiceField, want: string, shown: string): boolean {
  if (field === 'primaryContact') return !want || isContact(shown, want);
  const names = versionOptions();
  const version = want === 'latest' ? names[latest(c, names)[0] ?? -1]?.match(/\d+/)?.[0] : want;
  return !!version && hasVersion(shown, version);
}

export async function chooseField(c: Ctx, field: ChoiceField, want: string): Promise<void> {
  if (field === 'primaryContact' && !want) return; // '' keeps the page's default contact
  const what = fieldName(field);
  await chooseOption(
    ready(await choiceControl(c, field), what),
    {
      // An editable combobox filters by what is typed: the request less its last character, so
      // that the typed text alone never reads as the choice (only a picked option completes
      // it); nothing for "latest", which lists every option.
      typed: want === 'latest' ? '' : want.slice(0, -1),
      match: (names) => matchOptions(c, field, want, names),
      refuse: (hits) =>
        new Stop(
          FIELD_STEP[field],
          `${what} '${want}' ${hits ? `matches ${hits} options` : 'is not offered on this page'}`,
        ),
      shows: () => {
        const [found, more] = choiceControls(c, field);
        return !more && !!found && choiceShows(c, field, want, shownValue(found));
      },
    },
    c,
  );
}

// ---- developer emails: a textbox that turns each address into a tag ----

/** The tags (listitems of the list labelled like the textbox) and their addresses. */
export function readTags(c: Ctx): { email: string; item: Element }[] {
  const lists = queryAll(wizard(c), 'list', c.s.developerEmails);
  if (lists.length > 1) getOne(wizard(c), 'list', c.s.developerEmails); // throws: ambiguous
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
  const wait = (done: () => boolean, reason: string) =>
    waitFor(
      () => {
        if (done()) return true;
        checkAlert(c, 'contact');
      },
      c,
      () => new Stop('contact', reason),
    );
  for (const email of emails) {
    if (hasTag(c, email)) continue;
    const box = await waitForOne(wizard(c), 'textbox', c.s.developerEmails, c);
    typeText(ready(box, fieldName('developerEmails')), email);
    pressEnter(box as HTMLElement);
    await wait(() => hasTag(c, email), `${email} was not added as a tag`);
  }
  if (exact)
    for (const { email, item } of readTags(c)) {
      if (emails.some((e) => norm(e) === norm(email))) continue;
      const remove = c.s.removeTag.replace('{email}', email);
      ready(getOne(item, 'button', [remove]), remove).click();
      await wait(() => !hasTag(c, email), `${email} was not removed`);
    }
}
