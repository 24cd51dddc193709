import type { ReadBackExpectation, WizardStep } from '../core/plan';
import { categoryKey, METHODS, type Method, pathKey } from '../core/scope-model';
import { contentText } from './accessible-name';
import { choiceShows, EMAILS, fieldName } from './fields';
import { type Row, rowLabel, scopesSeen, wantedRows } from './page-scopes';
import { type SummaryPair, summaryPairs } from './summary';
import { isAny, isLabel, norm, squash } from './text';
import { type Ctx, currentStep, wizard } from './wizard';

/**
 * Read-back from the Create step's summary: the page's own statement of what it will create,
 * read where the page already shows it, so no walk back through the steps is needed.
 *
 * Trust: every part must be read unambiguously, or the whole summary counts as unreadable (the
 * caller then walks the steps): each term found exactly once by the locale table's labels; text
 * the summary cannot show exactly (runs of spaces, line breaks, a description that is the page's
 * own word for "none") is unreadable; a scope entry is a category this run saw on the API scopes
 * step, followed by whole method words, with nested items that are exactly a method and a path
 * this run saw there. A method word means every row of that method (as a method grant does).
 * Anything else ("All GET endpoints", a path without its method) is unreadable, never guessed.
 */

/** A part of the summary that differs from the request, at the step that sets it. */
export interface SummaryDifference {
  step: WizardStep;
  reason: string;
}

/** What the summary says: undefined when any part cannot be read; [] when it all matches. */
export type SummaryReading = SummaryDifference[] | undefined;

class Unreadable extends Error {}
const unreadable = (): never => {
  throw new Unreadable();
};

/** The one value element of the term `names` (several elements only where `many` allows). */
function valuesOf(pairs: SummaryPair[], c: Ctx, names: readonly string[], many = false): Element[] {
  const values = pairs.filter((p) => isLabel(p.term, names, c.s.decorations)).map((p) => p.value);
  if (!values.length || (values.length > 1 && !many)) unreadable();
  return values;
}

const textOf = (el: Element) => squash(contentText(el));

/** Text the summary can show exactly: no runs of whitespace, nothing at the ends. */
const showable = (s: string) => squash(s) === s;

const isNone = (c: Ctx, shown: string) => isAny(shown, c.s.none);

/** A text field: shown exactly, or the page's "none" for an empty one. */
function textDiffers(c: Ctx, shown: string, want: string): boolean {
  if (!showable(want) || isAny(want, c.s.none)) unreadable();
  return want === '' ? !(shown === '' || isNone(c, shown)) : shown !== want;
}

/** The addresses of an emails value: only addresses and separators, or the page's "none". */
function emailsOf(c: Ctx, values: Element[]): string[] {
  const text = values.map(textOf).join(', ');
  if (isNone(c, text)) return [];
  if (text.replace(EMAILS, '').replace(/[\s,;]/g, '')) unreadable();
  return (text.match(EMAILS) ?? []).map(norm).sort();
}

const LIST = 'ul,ol,[role=list]';
const ITEM = 'li,[role=listitem]';

/** A list item's own words, without its nested lists. */
function ownText(el: Element): string {
  let out = '';
  for (const child of el.childNodes) {
    if (child.nodeType === 3) out += child.textContent;
    else if (child.nodeType !== 1) continue;
    else if ((child as Element).matches(LIST)) out += ' ';
    else if ((child as Element).querySelector(LIST)) out += ` ${ownText(child as Element)} `;
    else out += ` ${contentText(child)} `;
  }
  return squash(out);
}

const TRAILING_METHODS = new RegExp(`^(.*?)((?:[\\s,]+(?:${METHODS.join('|')}))*)$`);

/** "Jobs GET, PUT" as its category text and whole method words. */
function entryHead(text: string): { category: string; methods: Method[] } {
  const [, category = '', tail = ''] = text.match(TRAILING_METHODS) ?? [];
  const methods = tail.split(/[\s,]+/).filter(Boolean) as Method[];
  if (!category.trim() || new Set(methods).size !== methods.length) unreadable();
  return { category: category.trim(), methods };
}

/** "GET /Mediapartners/{AccountSID}/Actions": exactly a method and a path. */
function endpointOf(text: string): { method: Method; path: string } {
  const [method, path, more] = text.split(' ');
  if (more !== undefined || !(METHODS as readonly string[]).includes(method ?? '')) unreadable();
  if (!path?.startsWith('/')) unreadable();
  return { method: method as Method, path: path as string };
}

/** The scopes value against the request, as rows of what this run saw on the scopes step. */
function scopeDifferences(c: Ctx, values: Element[], e: ReadBackExpectation): string[] {
  const seen = scopesSeen(c) ?? unreadable();
  const text = values.map(textOf).join(' ');
  const items = values.flatMap((v) =>
    [...v.querySelectorAll(ITEM)].filter((li) => !li.parentElement?.closest(ITEM)),
  );
  if (!items.length && !isNone(c, text)) unreadable();
  const out: string[] = [];
  const granted = new Set<string>();
  for (const item of items) {
    const head = entryHead(ownText(item));
    const shownAs = seen.categories.filter((cat) => isAny(head.category, [cat.shown, cat.name]));
    if (shownAs.length !== 1) unreadable();
    const cat = shownAs[0] as { shown: string; name: string };
    if (granted.has(categoryKey(cat.name))) unreadable();
    granted.add(categoryKey(cat.name));
    const name = cat.name;
    const scope = e.scopes.find((s) =>
      isAny(cat.shown, [s.category, ...(c.s.categories[s.category] ?? [])]),
    );
    if (!scope) {
      out.push(`${name} is granted, not requested`);
      continue;
    }
    granted.add(categoryKey(scope.category));
    const rows = seen.rows.get(categoryKey(scope.category)) ?? unreadable();
    const perEndpoint = rows.some((r) => !r.methodOnly);
    const shown = new Set<Row>();
    for (const method of head.methods) {
      const hits = rows.filter((r) => r.method === method && r.methodOnly !== perEndpoint);
      if (!hits.length) unreadable();
      for (const r of hits) shown.add(r);
    }
    for (const li of item.querySelectorAll(ITEM)) {
      // One level of nesting: a deeper list would be words this reading leaves out.
      if (li.parentElement?.closest(ITEM) !== item) unreadable();
      const endpoint = endpointOf(ownText(li));
      const hits = rows.filter(
        (r) =>
          !r.methodOnly &&
          r.method === endpoint.method &&
          r.path !== undefined &&
          pathKey(r.path) === pathKey(endpoint.path),
      );
      if (hits.length !== 1) unreadable();
      shown.add(hits[0] as Row);
    }
    const want = wantedRows(scope, rows);
    for (const r of rows)
      if (want.has(r) !== shown.has(r))
        out.push(
          `${rowLabel(name, r)} is ${want.has(r) ? 'not granted' : 'granted, not requested'}`,
        );
  }
  for (const scope of e.scopes)
    if (!granted.has(categoryKey(scope.category))) out.push(`${scope.category} is not granted`);
  return out;
}

/**
 * Reads the Create step's summary against the request. Undefined (walk the steps instead) when
 * the wizard is not on its Create step, shows no summary, or any part of it is unreadable.
 */
export function readSummary(c: Ctx, e: ReadBackExpectation): SummaryReading {
  if (currentStep(c) !== 'create') return undefined;
  try {
    const pairs = summaryPairs(wizard(c));
    const out: SummaryDifference[] = [];
    const differs = (step: WizardStep, what: string, shown: string, want: string) =>
      out.push({ step, reason: `${what} is '${shown}', expected '${want}'` });
    const one = (names: readonly string[]) => textOf(valuesOf(pairs, c, names)[0] as Element);

    const name = one(c.s.tokenName);
    if (textDiffers(c, name, e.tokenName))
      differs('setup', fieldName('tokenName'), name, e.tokenName);
    const description = one(c.s.description);
    if (textDiffers(c, description, e.description))
      // The page's word for an empty description is said as the walk says it: ''.
      differs(
        'setup',
        fieldName('description'),
        isNone(c, description) ? '' : description,
        e.description,
      );
    const version = one(c.s.apiVersion);
    if (!choiceShows(c, 'apiVersion', e.apiVersion, version))
      differs('setup', fieldName('apiVersion'), version, e.apiVersion);
    const contact = one(c.s.primaryContact);
    if (!choiceShows(c, 'primaryContact', e.primaryContact, contact))
      differs('contact', fieldName('primaryContact'), contact, e.primaryContact);
    const emails = emailsOf(c, valuesOf(pairs, c, c.s.developerEmails, true));
    const wanted = e.developerEmails.map(norm).sort();
    if (emails.join(', ') !== wanted.join(', '))
      differs('contact', fieldName('developerEmails'), emails.join(', '), wanted.join(', '));
    const scopes = scopeDifferences(c, valuesOf(pairs, c, c.s.summaryScopes, true), e);
    if (scopes.length)
      out.push({
        step: 'scopes',
        reason: `API scopes differ from the request: ${scopes.join('; ')}`,
      });
    return out;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}
