import {
  categoryKey,
  isEndpoint,
  METHODS,
  type Method,
  type OfferedCategory,
  type OfferedEndpoint,
  type Scope,
} from '../core/scope-model';
import { contentText } from './accessible-name';
import { isChecked, ready } from './actions';
import { nameOf, one, queryAll, roleOf, visible, waitFor } from './locate';
import { rememberCategory } from './page-info';
import { isAny, squash } from './text';
import { type Ctx, Stop, wizard } from './wizard';

/**
 * The API scopes step. Each category has a toggle named by the category: a switch, a checkbox,
 * or an accordion button (aria-expanded). While it is on, the category shows its rows: one
 * checkbox per endpoint (its text holds the method and the path and/or the summary), or on the
 * older page one checkbox per method named just "GET"… The rows are the category's own only
 * inside its region, found in this order: the element the toggle names with aria-controls, the
 * toggle's role=group (if no other category's toggle is in it), or the first element after the
 * toggle (or one of its ancestors) that holds checkboxes and no other toggle. "GET" alone is
 * ambiguous across categories, so rows are only ever looked up inside their region.
 */

interface Category {
  /** As the page shows it (maybe translated). */
  shown: string;
  /** As presets name it (English). */
  name: string;
  toggle: Element;
  /** Accordion categories are "on" while open; their ticks persist while closed. */
  accordion: boolean;
}

/** One checkbox of a category: a method's (older page), or an endpoint row's, as read. */
export interface Row extends OfferedEndpoint {
  box: Element;
  /** The per-method page's checkbox: named just by its method. */
  methodOnly: boolean;
}

const METHOD_WORD = new RegExp(`(^|\\s)(${METHODS.join('|')})(?=\\s|$)`);
const PATH_WORD = /(^|\s)(\/\S*)/;

/** The names a category may have on this page: its English name and the locale's translations. */
const names = (c: Ctx, category: string) => [category, ...(c.s.categories[category] ?? [])];

const CHECKBOXES = 'input[type=checkbox],[role=checkbox]';
/** Containers a row never extends into: lists, tables, groups and regions hold rows. */
const HOLDS_ROWS =
  'ul,ol,table,tbody,thead,fieldset,section,form,[role=list],[role=group],[role=region],[role=rowgroup],[role=grid],[role=table]';

/** The highest ancestor of `box` below `limit` (and below any list or group) with no other checkbox. */
function rowOf(box: Element, limit: Element): Element {
  let row = box;
  for (let up = box.parentElement; up && up !== limit; up = up.parentElement) {
    if (up.matches(HOLDS_ROWS) || up.querySelectorAll(CHECKBOXES).length > 1) break;
    row = up;
  }
  return row;
}

/**
 * Rows as read, by checkbox: a row's text does not change when it is ticked, and re-reading
 * every row on every look would make a 500-endpoint step quadratic. Kept per container (a row's
 * extent depends on it) and with the name, so an element the page reuses for another row is read
 * again.
 */
const readRows = new WeakMap<Element, WeakMap<Element, { name: string; row: Row | undefined }>>();

/** Reads one checkbox as a method checkbox, an endpoint row, or (no method) not a row at all. */
function readRow(box: Element, limit: Element): Row | undefined {
  const name = squash(nameOf(box));
  const within = readRows.get(limit) ?? new WeakMap();
  readRows.set(limit, within);
  const known = within.get(box);
  if (known?.name === name) return known.row;
  const row = parseRow(box, limit, name);
  within.set(box, { name, row });
  return row;
}

function parseRow(box: Element, limit: Element, name: string): Row | undefined {
  const upper = name.toUpperCase();
  if ((METHODS as readonly string[]).includes(upper))
    return { box, method: upper as Method, methodOnly: true };
  // Method and path as the page writes them (upper-case method: "Get Company Information" is a
  // summary, not a GET); the row's text first, since a table row names its checkbox by summary.
  const text = squash(contentText(rowOf(box, limit))) || name;
  const method = text.match(METHOD_WORD)?.[2] as Method | undefined;
  if (!method) return undefined;
  const path = text.match(PATH_WORD)?.[2];
  const rest = text.replace(METHOD_WORD, ' ');
  const summary = squash(path ? rest.replace(PATH_WORD, ' ') : rest);
  return {
    box,
    method,
    methodOnly: false,
    ...(path ? { path } : {}),
    ...(summary ? { summary } : {}),
  };
}

/** Every category toggle of the step: switches, accordion buttons, checkboxes that are no row. */
function toggles(c: Ctx): { el: Element; accordion: boolean }[] {
  const w = wizard(c);
  return [
    ...queryAll(w, 'switch').map((el) => ({ el, accordion: false })),
    ...queryAll(w, 'button')
      .filter((b) => b.hasAttribute('aria-expanded') && !b.hasAttribute('aria-haspopup'))
      .map((el) => ({ el, accordion: true })),
    ...queryAll(w, 'checkbox')
      .filter((box) => !readRow(box, w))
      .map((el) => ({ el, accordion: false })),
  ];
}

/** Every category on the step, as toggles() finds them (uncached). */
function scanCategories(c: Ctx): Category[] {
  return toggles(c).map(({ el, accordion }) => {
    const shown = nameOf(el);
    // Back to the name presets use, where the page translates it.
    const name = Object.keys(c.s.categories).find((k) => isAny(shown, names(c, k))) ?? shown;
    return { shown, name, toggle: el, accordion };
  });
}

/**
 * The step as last read: its categories, each one's region and rows. Reading them afresh on
 * every look made the step quadratic (each click's wait re-read every toggle, region and row of
 * a 500-endpoint page). They are kept until the page re-renders them: a MutationObserver on the
 * wizard sees changes of structure, text and the attributes names, roles, regions and
 * visibility come from, and is also asked synchronously (takeRecords) before every use, so the
 * re-render a click causes inside click() is never missed. A change inside one category's home
 * (the largest element holding its toggle and no other) re-reads that category's rows only;
 * anything else, or a toggle that changed, reads the whole step again. Ticking a box changes its
 * checked state only, read live; React's re-render of the rows' name/checked attributes is no
 * change to what is cached.
 */
interface StepView {
  wizard: Element;
  observer: MutationObserver;
  categories?: Category[];
  /** Element -> how many toggles it is or holds (toggles and their ancestors only). */
  holds: Map<Element, number>;
  /** A category's home -> the category. */
  homes: Map<Element, Category>;
  regions: Map<Element, Element | undefined>;
  /** By toggle. */
  rows: Map<Element, Row[]>;
}

const WATCHED = [
  'role',
  'id',
  'aria-label',
  'aria-labelledby',
  'aria-controls',
  'aria-expanded',
  'aria-haspopup',
  'hidden',
  'aria-hidden',
  'inert',
  'style',
  'class',
];
const views = new WeakMap<Ctx, StepView>();

function fresh(v: StepView): void {
  v.categories = undefined;
  v.holds.clear();
  v.homes.clear();
  v.regions.clear();
  v.rows.clear();
}

const NEW_TOGGLE = '[role=switch],[aria-expanded]';

/** Drops what `records` may have changed (see StepView). */
function settle(v: StepView, records: MutationRecord[]): void {
  if (!v.categories) return;
  const checkboxToggles = v.categories.some((cat) => roleOf(cat.toggle) === 'checkbox');
  const touched = new Set<Category>();
  for (const r of records) {
    let at: Node | null = r.target;
    while (at && at !== v.wizard && !v.homes.has(at as Element)) at = at.parentNode;
    const cat = at && v.homes.get(at as Element);
    if (!cat) {
      fresh(v);
      return;
    }
    // A new switch or disclosure button may be a new category; with checkbox toggles, so may a
    // new checkbox that is no row.
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.matches(NEW_TOGGLE) || el.querySelector(NEW_TOGGLE)) {
        fresh(v);
        return;
      }
      if (
        checkboxToggles &&
        [el, ...el.querySelectorAll(CHECKBOXES)].some(
          (box) => box.matches(CHECKBOXES) && !readRow(box, v.wizard),
        )
      ) {
        fresh(v);
        return;
      }
    }
    touched.add(cat);
  }
  for (const cat of touched) {
    const still = cat.toggle.isConnected && visible(cat.toggle) && nameOf(cat.toggle) === cat.shown;
    if (!still) {
      fresh(v);
      return;
    }
    v.regions.delete(cat.toggle);
    v.rows.delete(cat.toggle);
  }
}

function view(c: Ctx, confirm = false): StepView {
  let v = views.get(c);
  // The wizard is found again (a scan of the document, with a style-forcing visibility check)
  // only when the one read is gone, or before the step is read again (`confirm`): a click
  // re-renders rows inside the wizard, never the dialog. Whatever is clicked is checked first
  // (ready(): still there, visible, enabled), so a wizard hidden since is never written to.
  const w = !v?.wizard.isConnected || confirm ? wizard(c) : v.wizard;
  if (v?.wizard !== w) {
    v?.observer.disconnect();
    const made: StepView = {
      wizard: w,
      // Settled as they come too, so no records pile up (once dropped, nothing is kept).
      observer: new MutationObserver((records) => settle(made, records)),
      holds: new Map(),
      homes: new Map(),
      regions: new Map(),
      rows: new Map(),
    };
    made.observer.observe(w, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED,
    });
    views.set(c, made);
    v = made;
  }
  const records = v.observer.takeRecords();
  if (records.length) settle(v, records);
  return v;
}

/** Every category on the step. */
export function categories(c: Ctx): Category[] {
  let v = view(c);
  if (v.categories) return v.categories;
  // Reading the whole step again: first make sure it is still the one wizard's.
  v = view(c, true);
  const all = scanCategories(c);
  for (const cat of all)
    for (let up: Element | null = cat.toggle; up && up !== v.wizard; up = up.parentElement)
      v.holds.set(up, (v.holds.get(up) ?? 0) + 1);
  for (const cat of all) {
    let home = cat.toggle;
    for (
      let up = home.parentElement;
      up && up !== v.wizard && v.holds.get(up) === 1;
      up = up.parentElement
    )
      home = up;
    v.homes.set(home, cat);
  }
  v.categories = all;
  return all;
}

const isOn = (cat: Category) =>
  cat.accordion ? cat.toggle.getAttribute('aria-expanded') === 'true' : isChecked(cat.toggle);

/** Where `cat`'s rows are (see the file comment), or undefined while it shows none. */
function region(c: Ctx, cat: Category): Element | undefined {
  const v = view(c);
  if (v.regions.has(cat.toggle)) return v.regions.get(cat.toggle);
  // No other category's toggle inside: an ancestor of this toggle holds only it, any other
  // element holds none (the counts are the step view's, kept for its toggles' ancestors).
  const clear = (el: Element) => (v.holds.get(el) ?? 0) <= (el.contains(cat.toggle) ? 1 : 0);
  const find = () => {
    const controlled = document.getElementById(cat.toggle.getAttribute('aria-controls') ?? '');
    if (controlled) return controlled;
    const group = cat.toggle.parentElement?.closest('[role=group],fieldset');
    if (group && v.wizard.contains(group) && clear(group)) return group;
    for (let at: Element | null = cat.toggle; at && clear(at); at = at.parentElement) {
      const next = at.nextElementSibling;
      if (next && clear(next) && queryAll(next, 'checkbox').length) return next;
      if (at.parentElement && !clear(at.parentElement)) break;
    }
    return undefined;
  };
  const found = find();
  v.regions.set(cat.toggle, found);
  return found;
}

/** The category's rows, in page order ([] while it shows none). */
function rows(c: Ctx, cat: Category): Row[] {
  const v = view(c);
  const known = v.rows.get(cat.toggle);
  if (known) return known;
  const area = region(c, cat);
  const listed = area
    ? queryAll(area, 'checkbox').flatMap((box) => {
        if (box === cat.toggle) return [];
        return readRow(box, area) ?? [];
      })
    : [];
  v.rows.set(cat.toggle, listed);
  return listed;
}

/** How a row is named in a reason: "Actions GET /Mediapartners/{AccountSID}/Actions". */
export const rowLabel = (cat: string, row: Row) =>
  `${cat} ${row.method}${row.methodOnly ? '' : ` ${row.path ?? row.summary ?? ''}`}`.trim();

/**
 * The rows `scope` asks for: every endpoint of its methods (or the method's checkbox on the
 * older page) and each pinned endpoint, found by method + path, else by method + summary.
 * Refuses what the page does not offer, and an endpoint that matches several rows.
 */
export function wantedRows(scope: Scope, listed: Row[]): Set<Row> {
  const cat = scope.category;
  const perEndpoint = listed.filter((r) => !r.methodOnly);
  const refuse = (what: string, count: number) =>
    new Stop(
      'scopes',
      count
        ? `${cat} ${what} matches ${count} rows on this page`
        : `${cat} ${what} is not offered on this page`,
    );
  const want = new Set<Row>();
  for (const method of scope.methods) {
    const hits = (perEndpoint.length ? perEndpoint : listed).filter((r) => r.method === method);
    if (!hits.length) throw refuse(method, 0);
    for (const r of hits) want.add(r);
  }
  for (const endpoint of scope.endpoints) {
    const hits = perEndpoint.filter((r) => isEndpoint(r, endpoint));
    if (hits.length !== 1) throw refuse(`${endpoint.method} ${endpoint.path}`, hits.length);
    want.add(hits[0] as Row);
  }
  return want;
}

/** What the category offers, as the helper's catalog keeps it. */
const offered = (cat: Category, listed: Row[]): OfferedCategory => {
  const perEndpoint = listed.filter((r) => !r.methodOnly);
  return {
    category: cat.name,
    methods: METHODS.filter((m) => listed.some((r) => r.method === m)),
    endpoints: perEndpoint.map(({ method, path, summary }) => ({
      method,
      ...(path !== undefined ? { path } : {}),
      ...(summary !== undefined ? { summary } : {}),
    })),
  };
};

/** One category as read: on or not, its rows, and what it offers (remembered for page info). */
export interface ShownCategory {
  category: Category;
  on: boolean;
  rows: Row[];
}

export function readCategories(c: Ctx): ShownCategory[] {
  const all = categories(c);
  return all.map((category) => {
    const listed = rows(c, category);
    const on = isOn(category);
    rememberCategory(on && listed.length ? offered(category, listed) : category.name);
    return { category, on, rows: listed };
  });
}

/** The ticked rows of each category that has any, as the helper's capture reads them. */
export const tickedCatalog = (shown: ShownCategory[]): OfferedCategory[] =>
  shown.flatMap(({ category, rows: listed }) => {
    const ticked = listed.filter((r) => isChecked(r.box));
    return ticked.length ? [offered(category, ticked)] : [];
  });

export const offeredCatalog = (shown: ShownCategory[]): OfferedCategory[] =>
  shown.filter((s) => s.rows.length).map((s) => offered(s.category, s.rows));

/**
 * How the step differs from `expected`, in words ("Actions GET /x is ticked, not requested");
 * none when it grants exactly that. Ticks under an off category count as differences too.
 */
export function scopeDifferences(c: Ctx, expected: readonly Scope[]): string[] {
  const out: string[] = [];
  const shown = readCategories(c);
  for (const scope of expected)
    if (!shown.some((s) => isAny(s.category.shown, names(c, scope.category))))
      out.push(`${scope.category} is not offered on this page`);
  for (const { category, on, rows: listed } of shown) {
    const scope = expected.find((s) => isAny(category.shown, names(c, s.category)));
    const ticked = listed.filter((r) => isChecked(r.box));
    if (!scope) {
      if (on && !category.accordion) out.push(`${category.name} is on, not requested`);
      for (const r of ticked) out.push(`${rowLabel(category.name, r)} is ticked, not requested`);
      continue;
    }
    if (!on && !category.accordion) out.push(`${category.name} is off`);
    let want: Set<Row>;
    try {
      want = wantedRows(scope, listed);
    } catch (e) {
      out.push((e as Error).message);
      continue;
    }
    for (const r of listed)
      if (want.has(r) !== ticked.includes(r))
        out.push(
          `${rowLabel(category.name, r)} is ${want.has(r) ? 'not ticked' : 'ticked, not requested'}`,
        );
  }
  return out;
}

/**
 * A finder for the one category `name`, re-finding it on every call (the page may re-render it).
 * Refuses a category the page does not offer; the list may load after the step appears, so that
 * is decided once any category is there.
 */
async function category(c: Ctx, name: string): Promise<() => { cat: Category; all: Category[] }> {
  await waitFor(
    () => categories(c).length,
    c,
    () => new Stop('scopes', 'no API categories are shown'),
  );
  // Matched again only when the step was read again (categories() keeps its list until then):
  // comparing every category's name on every look made each click cost the whole step.
  let matched: { all: Category[]; cat: Category } | undefined;
  const find = () => {
    const all = categories(c);
    if (matched?.all === all) return matched;
    const found = all.filter((x) => isAny(x.shown, names(c, name)));
    if (!found.length) throw new Stop('scopes', `${name} is not offered on this page`);
    matched = { cat: one(found, `${name} (category)`), all };
    return matched;
  };
  find();
  return find;
}

/** Clicks a switch, checkbox or accordion button unless it is already `on`, then waits. */
async function press(
  c: Ctx,
  find: () => Element | undefined,
  state: (el: Element) => boolean,
  on: boolean,
  what: string,
  settled = () => true,
): Promise<void> {
  const el = find();
  if (el && state(el) !== on) ready(el, what).click();
  await waitFor(
    () => {
      const now = find();
      return !!now && state(now) === on && settled();
    },
    c,
    () => new Stop('scopes', `${what} did not turn ${on ? 'on' : 'off'}`),
  );
}

/**
 * Turns a category on (waiting for its rows) or off. An accordion category is "on" while open;
 * turning it off unticks its rows, since closing it would keep them.
 */
export async function setCategory(c: Ctx, name: string, on: boolean): Promise<void> {
  const find = await category(c, name);
  const { cat } = find();
  const openState = (el: Element) =>
    cat.accordion ? el.getAttribute('aria-expanded') === 'true' : isChecked(el);
  const rowsNow = () => {
    const { cat: now } = find();
    return rows(c, now);
  };
  if (cat.accordion && !on) {
    if (!isOn(cat))
      await press(
        c,
        () => find().cat.toggle,
        openState,
        true,
        name,
        () => rowsNow().length > 0,
      );
    await tickExactly(c, name, rowsNow, new Set());
    return;
  }
  await press(
    c,
    () => find().cat.toggle,
    openState,
    on,
    name,
    () => !on || rowsNow().length > 0,
  );
  if (on) {
    // Remembers what it offers (the other categories' were remembered when last read).
    const { cat: now } = find();
    const listed = rows(c, now);
    rememberCategory(isOn(now) && listed.length ? offered(now, listed) : now.name);
  }
}

/** Ticks exactly `want` among the category's rows, one click at a time, each confirmed. */
async function tickExactly(
  c: Ctx,
  name: string,
  current: () => Row[],
  want: Set<number>,
): Promise<void> {
  const listed = current();
  for (const [index, row] of listed.entries()) {
    const on = want.has(index);
    // The same element while the page keeps it; re-found by position if it was re-rendered.
    const box = () => (row.box.isConnected ? row.box : current()[index]?.box);
    await press(c, box, isChecked, on, rowLabel(name, row));
  }
}

/**
 * What a run saw on the API scopes step when it last ticked there: every category's names, and
 * the rows of each category it ticked. The Create step's summary names grants by method and
 * path; these say which rows those are (src/page/summary-read-back.ts).
 */
export interface ScopesSeen {
  categories: { shown: string; name: string }[];
  /** By categoryKey of the requested category's name. */
  rows: Map<string, Row[]>;
}

const seenByRun = new WeakMap<Ctx, ScopesSeen>();
export const scopesSeen = (c: Ctx): ScopesSeen | undefined => seenByRun.get(c);

function see(c: Ctx, all: Category[], name: string, listed: Row[]): void {
  const seen = seenByRun.get(c) ?? { categories: [], rows: new Map() };
  seen.categories = all.map(({ shown, name }) => ({ shown, name }));
  seen.rows.set(categoryKey(name), listed);
  seenByRun.set(c, seen);
}

/** Makes a (switched-on) category tick exactly what `scope` grants; refuses what it lacks. */
export async function setGrants(c: Ctx, scope: Scope): Promise<void> {
  const find = await category(c, scope.category);
  const current = () => {
    const { cat } = find();
    return rows(c, cat);
  };
  const listed = await waitFor(
    () => {
      const r = current();
      return r.length > 0 && r;
    },
    c,
    () => new Stop('scopes', `${scope.category} shows no scopes`),
  );
  see(c, find().all, scope.category, listed);
  const want = wantedRows(scope, listed);
  await tickExactly(
    c,
    scope.category,
    current,
    new Set(listed.flatMap((r, i) => (want.has(r) ? [i] : []))),
  );
}

/**
 * Presses Clear All and waits until every category is off and nothing is ticked. A page without
 * the button gets each category turned off instead.
 */
export async function clearScopes(c: Ctx): Promise<void> {
  const all = c.s.clearAll;
  const clean = () =>
    readCategories(c).every(
      (s) => !(s.on && !s.category.accordion) && !s.rows.some((r) => isChecked(r.box)),
    );
  const buttons = queryAll(wizard(c), 'button', all);
  if (buttons.length) {
    ready(one(buttons, `${all[0]} (button)`), all[0] as string).click();
    await waitFor(clean, c, () => new Stop('scopes', `${all[0]} left scopes on`));
    return;
  }
  await waitFor(
    () => categories(c).length,
    c,
    () => new Stop('scopes', 'no API categories are shown'),
  );
  for (const s of readCategories(c))
    if (s.on && !s.category.accordion) await setCategory(c, s.category.name, false);
}

/**
 * Opens every closed accordion category: their ticks persist while closed but are only on the
 * page while open, and read-back must see all of them.
 */
export async function openAccordions(c: Ctx): Promise<void> {
  for (const cat of categories(c))
    if (cat.accordion && !isOn(cat)) await setCategory(c, cat.name, true);
}

/**
 * Makes the step grant exactly `scopes`: requested categories on with exactly their grants
 * ticked, every other category off. What the page lacks refuses (read-back's second fill).
 */
export async function applyScopes(c: Ctx, scopes: readonly Scope[]): Promise<void> {
  const wantedKeys = scopes.map((s) => categoryKey(s.category));
  for (const s of readCategories(c)) {
    const requested = scopes.some((w) => isAny(s.category.shown, names(c, w.category)));
    if (!requested && (s.on || s.rows.some((r) => isChecked(r.box))) && wantedKeys.length)
      await setCategory(c, s.category.name, false);
  }
  for (const scope of scopes) {
    await setCategory(c, scope.category, true);
    await setGrants(c, scope);
  }
}
