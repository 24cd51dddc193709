import type { ChoiceField, TextField, WizardStep } from '../core/plan';
import { contentText } from './accessible-name';
import { chooseOption, pressEnter, ready, shownValue, typeText } from './actions';
import { en } from './locales/en';
import { getOne, nameOf, one, queryAll, roleOf, waitFor, waitForFound, waitForOne } from './locate';
import { rememberContactOptions, rememberVersionOptions, versionOptions } from './page-info';
import { hasAny, isAny, key, norm, squash } from './text';
import { alertText, type Ctx, checkAlert, Stop, wizard } from './wizard';

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

export const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/;

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
  const control = ready(await choiceControl(c, field), what);
  // An editable combobox lists only what fits the typed text: not the account's users.
  const wholeList = control.localName !== 'input';
  await chooseOption(
    control,
    {
      // An editable combobox filters by what is typed: the request less its last character, so
      // that the typed text alone never reads as the choice (only a picked option completes
      // it); nothing for "latest", which lists every option.
      typed: want === 'latest' ? '' : want.slice(0, -1),
      match: (names) => {
        if (field === 'primaryContact' && wholeList) rememberContactOptions(names);
        return matchOptions(c, field, want, names);
      },
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

// ---- developer emails: tags, a comma-separated list, or one input per address ----

export const EMAILS = new RegExp(EMAIL, 'g');

/**
 * The field, in one of three public shapes (src/page/README.md):
 * - rows: a group named like the field, one textbox per address, and an "Add email" button;
 * - a list box: a textarea or `<input type=email multiple>`, whose text is the value;
 * - a tag input: a textbox (or React Select's combobox) that turns each address into a tag.
 * Undefined while the page does not show it yet; several matches are a refusal.
 */
type EmailField = { rows: HTMLInputElement[] } | { box: HTMLInputElement; list: boolean };

function emailField(c: Ctx): EmailField | undefined {
  const w = wizard(c);
  const names = c.s.developerEmails;
  const groups = queryAll(w, 'group', names);
  if (groups.length)
    return { rows: queryAll(one(groups, `${names[0]} (group)`), 'textbox') as HTMLInputElement[] };
  const boxes = [...queryAll(w, 'textbox', names), ...queryAll(w, 'combobox', names)];
  const box = boxes.length ? (one(boxes, `${names[0]} (textbox)`) as HTMLInputElement) : undefined;
  return box && { box, list: box.localName === 'textarea' || box.multiple };
}

/** Whether `name` is a tag's remove button: "Remove <email>" in this locale. */
const isRemove = (c: Ctx, name: string) =>
  isAny(name, [c.s.removeTag.replace('{email}', name.match(EMAIL)?.[0] ?? '@')]);

/**
 * The tags: listitems of the list labelled like the textbox; without such a list, the buttons
 * named "Remove <email>" (React Select's chips are plain divs, no listitems).
 */
function readTags(c: Ctx): { email: string; item: Element }[] {
  const w = wizard(c);
  const lists = queryAll(w, 'list', c.s.developerEmails);
  if (lists.length > 1) getOne(w, 'list', c.s.developerEmails); // throws: ambiguous
  return (
    lists[0] ? queryAll(lists[0], 'listitem') : queryAll(w, 'button', (n) => isRemove(c, n))
  ).map((item) => ({
    item,
    email: `${contentText(item)} ${nameOf(item)}`.match(EMAIL)?.[0] ?? squash(contentText(item)),
  }));
}

/** The rows of the one-input-per-address shape ([] in the other shapes). */
const rows = (c: Ctx): HTMLInputElement[] => (emailField(c) as { rows?: [] })?.rows ?? [];

/** The addresses the page will submit (text left in a tag input's box is not one of them). */
export function readEmails(c: Ctx): string[] {
  const f = emailField(c);
  if (!f) return [];
  if ('rows' in f) return f.rows.map((r) => squash(r.value)).filter(Boolean);
  return f.list ? (f.box.value.match(EMAILS) ?? []) : readTags(c).map((t) => t.email);
}

const hasEmail = (c: Ctx, email: string) => readEmails(c).some((e) => norm(e) === norm(email));

/**
 * Makes the page hold `emails` (with `exact`, nothing else: read-back's second fill). A list box
 * gets the whole list, comma-separated. Rows: each missing address goes into an empty row, one
 * added with "Add email" when none is left; an unwanted row is emptied (empty rows are not
 * submitted). Tags: type each missing address, press Enter, wait for its tag; unwanted tags go
 * through their remove buttons. An alert instead means the page refused an address, in its own
 * words.
 */
export async function setEmails(c: Ctx, emails: string[], exact: boolean): Promise<void> {
  const what = fieldName('developerEmails');
  const wait = <T>(done: () => T, reason: string) =>
    waitFor(
      () => {
        const ok = done();
        if (ok) return ok;
        checkAlert(c, 'contact');
      },
      c,
      () => new Stop('contact', reason),
    );
  const wanted = (email: string) => emails.some((e) => norm(e) === norm(email));
  const field = () => wait(() => emailField(c), `${what} (textbox) not found`);
  const f = await field();
  if ('list' in f && f.list) {
    const want = exact ? emails : [...readEmails(c), ...emails.filter((e) => !hasEmail(c, e))];
    typeText(ready(f.box, what), want.join(', '));
    f.box.blur(); // the page checks the list when the person leaves the box
    return void (await wait(
      () => !alertText(c) && readEmails(c).join() === want.join(),
      `${what} did not take the list`,
    ));
  }
  if (exact)
    for (const row of rows(c)) if (row.value && !wanted(row.value)) typeText(ready(row, what), '');
  const empty = () => rows(c).find((r) => !r.value.trim());
  for (const email of emails) {
    if (hasEmail(c, email)) continue;
    // Found again each time: the page may re-render the box after a tag is added.
    let box = 'box' in f ? ((await field()) as { box: HTMLInputElement }).box : empty();
    if (!box) {
      ready(getOne(wizard(c), 'button', c.s.addEmail), c.s.addEmail[0] as string).click();
      box = await wait(empty, `${c.s.addEmail[0]} did not add an input`);
    }
    typeText(ready(box, what), email);
    if ('box' in f) pressEnter(box);
    await wait(() => hasEmail(c, email), `${email} was not added`);
  }
  if (exact && 'box' in f)
    for (const { email, item } of readTags(c)) {
      if (wanted(email)) continue;
      const remove = c.s.removeTag.replace('{email}', email);
      ready(roleOf(item) === 'button' ? item : getOne(item, 'button', [remove]), remove).click();
      await wait(() => !hasEmail(c, email), `${email} was not removed`);
    }
}
