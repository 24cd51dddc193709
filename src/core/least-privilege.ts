import { categoryKey, METHODS, type Method, REFERENCE_CATEGORIES, type Scope } from './scopes';

/**
 * impact.com's own advice: grant only what the integration needs, GET only for read-only ones.
 * These checks turn that into warnings on a preset or request. They are codes plus data, not
 * sentences, because the helper UI words them per locale.
 */

/** Methods that change data on the account. */
export const WRITE_METHODS: readonly Method[] = METHODS.filter((m) => m !== 'GET');

export type PrivilegeWarning =
  /** `scopes` lists the "Category METHOD" keys that can change data. */
  | { code: 'write-scopes'; scopes: string[] }
  /** Every known category is granted: almost never what one integration needs. */
  | { code: 'all-categories'; categoryCount: number };

/**
 * @param knownCategories the page's own list when it has been read, else the reference list.
 */
export const privilegeWarnings = (
  subject: { scopes: readonly Scope[] },
  knownCategories: readonly string[] = REFERENCE_CATEGORIES,
): PrivilegeWarning[] => {
  const warnings: PrivilegeWarning[] = [];
  const write = new Set<string>();
  for (const scope of subject.scopes)
    for (const method of WRITE_METHODS)
      if (scope.methods.includes(method)) write.add(`${scope.category} ${method}`);
  if (write.size > 0) warnings.push({ code: 'write-scopes', scopes: [...write].sort() });

  const granted = new Set(subject.scopes.map((s) => categoryKey(s.category)));
  const known = new Set(knownCategories.map(categoryKey));
  if (known.size > 0 && [...known].every((category) => granted.has(category)))
    warnings.push({ code: 'all-categories', categoryCount: known.size });
  return warnings;
};
