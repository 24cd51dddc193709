import {
  categoryKey,
  type Method,
  normalizeMethods,
  type Scope,
  type ScopeCatalog,
} from './scopes';

/**
 * "Drift": what a preset asks for that the page does not offer. impact.com does not publish its
 * scope list, and it can change or differ per account, so before a run (and after the page's list
 * has been read) the helper names each missing pair instead of letting the driver fail halfway.
 */

export interface ScopePair {
  category: string;
  method: Method;
}

/**
 * Every (category, method) of `wanted` that `offered` lacks, in the preset's order. A category
 * the page does not show at all contributes all its methods. Names match ignoring case and spacing.
 */
export const scopeDrift = (wanted: readonly Scope[], offered: ScopeCatalog): ScopePair[] => {
  const offeredMethods = new Map<string, Set<Method>>();
  for (const scope of offered) {
    const key = categoryKey(scope.category);
    const methods = offeredMethods.get(key) ?? new Set<Method>();
    for (const method of scope.methods) methods.add(method);
    offeredMethods.set(key, methods);
  }
  const seen = new Set<string>();
  const drift: ScopePair[] = [];
  for (const scope of wanted) {
    const available = offeredMethods.get(categoryKey(scope.category));
    for (const method of normalizeMethods(scope.methods)) {
      const pairKey = `${categoryKey(scope.category)} ${method}`;
      if (available?.has(method) || seen.has(pairKey)) continue;
      seen.add(pairKey);
      drift.push({ category: scope.category, method });
    }
  }
  return drift;
};
