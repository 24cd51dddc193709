import { isChecked, ready } from './actions';
import { nameOf, one, queryAll, waitFor } from './locate';
import { rememberCategory } from './page-info';
import { isAny, key, norm } from './text';
import { type Ctx, opts, Stop, wizard } from './wizard';

/**
 * The API scopes step: each category is a role=group named like the role=switch inside it; while
 * the switch is on, the group shows one checkbox per method. "GET" alone is ambiguous across
 * groups, so methods are only ever looked up inside their category's group.
 */

interface Category {
  /** As the page shows it (maybe translated). */
  shown: string;
  /** As presets name it (English). */
  name: string;
  group: Element;
  toggle: Element;
}

/** Category names presets use, back from the page's translation (locale table), if any. */
const english = (c: Ctx, shown: string): string =>
  Object.keys(c.s.categories).find((k) => isAny(shown, c.s.categories[k] ?? [])) ?? shown;

const names = (c: Ctx, category: string) => [category, ...(c.s.categories[category] ?? [])];

/** Every category group on the step: a switch whose closest group bears the same name. */
export function categories(c: Ctx): Category[] {
  return queryAll(wizard(c), 'switch').flatMap((toggle) => {
    const group = toggle.parentElement?.closest('[role=group],fieldset');
    const shown = nameOf(toggle);
    if (!group) return [];
    const groupName = nameOf(group);
    return !groupName || key(groupName) === key(shown)
      ? [{ shown, name: english(c, shown), group, toggle }]
      : [];
  });
}

/** The group's method checkboxes, by method name ("GET"). */
const methods = (group: Element) =>
  queryAll(group, 'checkbox').map((box) => ({ method: norm(nameOf(box)).toUpperCase(), box }));

/**
 * What the step grants, as sorted "Category METHOD" keys, and remembers what it offers. Anything
 * that is not a clean grant (on with nothing ticked, ticks under a switched-off category) becomes
 * a key no request has, so read-back refuses it.
 */
export function readScopes(c: Ctx): string[] {
  const keys: string[] = [];
  for (const cat of categories(c)) {
    const on = isChecked(cat.toggle);
    const listed = methods(cat.group);
    rememberCategory(cat.name, on ? listed.map((m) => m.method) : undefined);
    const ticked = listed.filter((m) => isChecked(m.box)).map((m) => `${cat.name} ${m.method}`);
    if (on && !ticked.length) keys.push(`${cat.name} (on, nothing ticked)`);
    keys.push(...(on ? ticked : ticked.map((k) => `${k} (category off)`)));
  }
  return keys.sort();
}

/** The one category group for `category`; refuses when the page does not offer it. */
async function findCategory(c: Ctx, category: string): Promise<() => Category> {
  // The list may load after the step appears; once any category is there, absence is final.
  await waitFor(
    () => categories(c).length,
    opts(c),
    () => new Stop('scopes', 'no API categories are shown'),
  );
  const find = () => categories(c).filter((x) => isAny(x.shown, names(c, category)));
  if (!find().length) throw new Stop('scopes', `${category} is not offered on this page`);
  return () => {
    const found = find();
    if (found.length !== 1)
      one(
        found.map((x) => x.toggle),
        `${category} (switch)`,
      );
    return found[0] as Category;
  };
}

/** Turns a category on or off and waits for its checkboxes to appear (or for the switch). */
export async function setCategory(c: Ctx, category: string, on: boolean): Promise<void> {
  const find = await findCategory(c, category);
  const cat = find();
  if (isChecked(cat.toggle) !== on) ready(cat.toggle, category).click();
  await waitFor(
    () => {
      const now = find();
      return isChecked(now.toggle) === on && (!on || methods(now.group).length > 0);
    },
    opts(c),
    () => new Stop('scopes', `${category} did not switch ${on ? 'on' : 'off'}`),
  );
  const now = find();
  if (on)
    rememberCategory(
      now.name,
      methods(now.group).map((m) => m.method),
    );
}

/** Ticks or unticks one method inside its category; refuses a method the category lacks. */
export async function setMethod(
  c: Ctx,
  category: string,
  method: string,
  on: boolean,
): Promise<void> {
  const find = await findCategory(c, category);
  const box = () => methods(find().group).filter((m) => m.method === method);
  const [target, more] = box();
  if (!target) throw new Stop('scopes', `${category} ${method} is not offered on this page`);
  if (more) throw new Stop('scopes', `${category} ${method} is ambiguous: ${box().length} matches`);
  if (isChecked(target.box) !== on) ready(target.box, `${category} ${method}`).click();
  await waitFor(
    () => {
      const [now, extra] = box();
      return now && !extra && isChecked(now.box) === on;
    },
    opts(c),
    () => new Stop('scopes', `${category} ${method} did not ${on ? '' : 'un'}tick`),
  );
}

/** Presses Clear All and waits until every category is off. */
export async function clearScopes(c: Ctx): Promise<void> {
  const button = one(queryAll(wizard(c), 'button', c.s.clearAll), `${c.s.clearAll[0]} (button)`);
  ready(button, 'Clear All').click();
  await waitFor(
    () => !categories(c).some((x) => isChecked(x.toggle)),
    opts(c),
    () => new Stop('scopes', 'Clear All left categories on'),
  );
  readScopes(c); // remembers the categories offered
}

/**
 * Makes the step grant exactly `keys` ("Category METHOD"): requested categories on with exactly
 * their methods ticked, every other category off. Missing categories/methods refuse first.
 */
export async function applyScopes(c: Ctx, keys: string[]): Promise<void> {
  const want = new Map<string, Set<string>>();
  for (const k of keys) {
    const at = k.lastIndexOf(' ');
    const category = k.slice(0, at);
    want.set(category, (want.get(category) ?? new Set()).add(k.slice(at + 1)));
  }
  for (const cat of categories(c))
    if (![...want.keys()].some((w) => isAny(cat.shown, names(c, w))) && isChecked(cat.toggle))
      await setCategory(c, cat.name, false);
  for (const [category, ms] of want) {
    await setCategory(c, category, true);
    const offered = methods((await findCategory(c, category))().group).map((x) => x.method);
    for (const m of ms)
      if (!offered.includes(m))
        throw new Stop('scopes', `${category} ${m} is not offered on this page`);
    for (const m of offered) await setMethod(c, category, m, ms.has(m));
  }
}
