import { categoryKey, METHODS, type Method, type Scope } from './scopes';

/**
 * impact.com's own advice: grant only what the integration needs, GET only for read-only ones.
 * These checks turn that into warnings on a preset or request. They are codes plus data, not
 * sentences, because the helper UI words them per locale.
 */

/** Methods that change data on the account. */
export const WRITE_METHODS: readonly Method[] = METHODS.filter((m) => m !== 'GET');

/** One grant that can change data: a whole method of a category, or one pinned endpoint. */
export interface WriteGrant {
  category: string;
  method: Method;
  /** Set for a pinned endpoint; absent for "every endpoint of `method`". */
  path?: string;
}

export type PrivilegeWarning =
  | { code: 'write-scopes'; grants: WriteGrant[] }
  /** Every known category is granted: almost never what one integration needs. */
  | { code: 'all-categories'; categoryCount: number };

/** Every grant of `scopes` that can change data, method grants first, in scope order. */
export const writeGrants = (scopes: readonly Scope[]): WriteGrant[] =>
  scopes.flatMap((scope) => [
    ...scope.methods
      .filter((m) => WRITE_METHODS.includes(m))
      .map((method) => ({ category: scope.category, method })),
    ...scope.endpoints
      .filter((e) => WRITE_METHODS.includes(e.method))
      .map((e) => ({ category: scope.category, method: e.method, path: e.path })),
  ]);

/**
 * @param knownCategories the page's own list when it has been read, else the public catalog's.
 */
export const privilegeWarnings = (
  subject: { scopes: readonly Scope[] },
  knownCategories: readonly string[],
): PrivilegeWarning[] => {
  const warnings: PrivilegeWarning[] = [];
  const grants = writeGrants(subject.scopes);
  if (grants.length > 0) warnings.push({ code: 'write-scopes', grants });

  const granted = new Set(subject.scopes.map((s) => categoryKey(s.category)));
  const known = new Set(knownCategories.map(categoryKey));
  if (known.size > 0 && [...known].every((category) => granted.has(category)))
    warnings.push({ code: 'all-categories', categoryCount: known.size });
  return warnings;
};
