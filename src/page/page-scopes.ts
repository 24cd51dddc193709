import { isChecked, ready } from './actions';
import { nameOf, one, queryAll, waitFor } from './locate';
import { rememberCategory } from './page-info';
import { isAny, key, norm } from './text';
import { type Ctx, Stop, wizard } from './wizard';

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

/** The names a category may have on this page: its English name and the locale's translations. */
const names = (c: Ctx, category: string) => [category, ...(c.s.categories[category] ?? [])];

/** Every category group on the step: a switch whose closest group bears the same name. */
export function categories(c: Ctx): Category[] {
  return queryAll(wizard(c), 'switch').flatMap((toggle) => {
    const group = toggle.parentElement?.closest('[role=group],fieldset');
    const shown = nameOf(toggle);
    const groupName = group ? nameOf(group) : '';
    // Back to the name presets use, where the page translates it.
    const name = Object.keys(c.s.categories).find((k) => isAny(shown, names(c, k))) ?? shown;
    return group && (!groupName || key(groupName) === key(shown))
      ? [{ shown, name, group, toggle }]
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

/**
 * A finder for the one group of `category`, re-finding it on every call (the page may re-render
 * it). Refuses a category the page does not offer; the list may load after the step appears,
 * so that is decided once any category is there.
 */
async function category(c: Ctx, category: string): Promise<() => Category> {
  await waitFor(
    () => categories(c).length,
    c,
    () => new Stop('scopes', 'no API categories are shown'),
  );
  const find = () => {
    const found = categories(c).filter((x) => isAny(x.shown, names(c, category)));
    if (!found.length) throw new Stop('scopes', `${category} is not offered on this page`);
    return one(found, `${category} (switch)`);
  };
  find();
  return find;
}

/** Clicks a switch or checkbox unless it already is `on`, then waits for the page to agree. */
async function toggle(
  c: Ctx,
  find: () => Element,
  on: boolean,
  what: string,
  settled = () => true,
): Promise<void> {
  if (isChecked(find()) !== on) ready(find(), what).click();
  await waitFor(
    () => isChecked(find()) === on && settled(),
    c,
    () => new Stop('scopes', `${what} did not turn ${on ? 'on' : 'off'}`),
  );
}

/** Turns a category on or off; on waits for its checkboxes to appear. */
export async function setCategory(c: Ctx, name: string, on: boolean): Promise<void> {
  const find = await category(c, name);
  await toggle(
    c,
    () => find().toggle,
    on,
    name,
    () => !on || methods(find().group).length > 0,
  );
  const now = find();
  if (on)
    rememberCategory(
      now.name,
      methods(now.group).map((m) => m.method),
    );
}

/** Ticks or unticks one method inside its category; refuses a method the category lacks. */
export async function setMethod(c: Ctx, name: string, method: string, on: boolean): Promise<void> {
  const find = await category(c, name);
  const box = () => {
    const found = methods(find().group).filter((m) => m.method === method);
    if (!found.length) throw new Stop('scopes', `${name} ${method} is not offered on this page`);
    return one(found, `${name} ${method} (checkbox)`).box;
  };
  await toggle(c, box, on, `${name} ${method}`);
}

/** Presses Clear All and waits until every category is off. */
export async function clearScopes(c: Ctx): Promise<void> {
  const all = c.s.clearAll;
  ready(one(queryAll(wizard(c), 'button', all), `${all[0]} (button)`), all[0] as string).click();
  await waitFor(
    () => !categories(c).some((x) => isChecked(x.toggle)),
    c,
    () => new Stop('scopes', `${all[0]} left categories on`),
  );
  readScopes(c); // remembers the categories offered
}

/**
 * Makes the step grant exactly `keys` ("Category METHOD"): requested categories on with exactly
 * their methods ticked, every other category off. Missing categories/methods refuse.
 */
export async function applyScopes(c: Ctx, keys: string[]): Promise<void> {
  const want = new Map<string, Set<string>>();
  for (const k of keys) {
    const at = k.lastIndexOf(' ');
    const cat = k.slice(0, at);
    want.set(cat, (want.get(cat) ?? new Set()).add(k.slice(at + 1)));
  }
  for (const cat of categories(c))
    if (isChecked(cat.toggle) && ![...want.keys()].some((w) => isAny(cat.shown, names(c, w))))
      await setCategory(c, cat.name, false);
  for (const [cat, ms] of want) {
    await setCategory(c, cat, true);
    // Every offered method set as asked; then a requested one the page lacks refuses (setMethod).
    const offered = methods((await category(c, cat))().group).map((x) => x.method);
    for (const m of new Set([...offered, ...ms])) await setMethod(c, cat, m, ms.has(m));
  }
}
