/**
 * The scope model without zod: the content script needs these values but must not bundle zod
 * (its budget is 10 KB gzipped), so the schemas live in scopes.ts and re-export this module.
 */

/** HTTP methods impact.com grants per API category (help centre: "per HTTP method"). */
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/**
 * Category names from impact.com's public API reference. impact.com does not publish the scope
 * list, so this is only the fallback shown until the wizard's own list has been read.
 */
export const REFERENCE_CATEGORIES = [
  'Accounts',
  'Actions',
  'Ads',
  'Catalogs',
  'Clicks',
  'Contracts',
  'Conversions',
  'Invoices',
  'Jobs',
  'Partners',
  'Programs',
  'Promo Codes',
  'Reports',
  'Tracking Links',
] as const;

/** One category and the methods granted in it. Methods are kept unique and in METHODS order. */
export interface Scope {
  category: string;
  methods: Method[];
}

export type ScopeCatalog = Scope[];

export const normalizeMethods = (methods: readonly Method[]): Method[] =>
  METHODS.filter((m) => methods.includes(m));

/** Flattens scopes into "Category METHOD" keys, the unit the helper UI and read-back compare. */
export const scopeKeys = (scopes: readonly Scope[]): string[] =>
  scopes.flatMap((s) => normalizeMethods(s.methods).map((m) => `${s.category} ${m}`));

/**
 * One entry per category (first-seen order kept, because that is the order people picked them in),
 * methods merged, de-duplicated and in METHODS order. Two presets that grant the same access then
 * compare equal, and a plan never toggles the same category twice.
 */
export const normalizeScopes = (scopes: readonly Scope[]): Scope[] => {
  const byCategory = new Map<string, Method[]>();
  for (const scope of scopes) {
    const methods = byCategory.get(scope.category) ?? [];
    methods.push(...scope.methods);
    byCategory.set(scope.category, methods);
  }
  return [...byCategory].map(([category, methods]) => ({
    category,
    methods: normalizeMethods(methods),
  }));
};

/**
 * How category names are compared with what the page shows: case and runs of whitespace do not
 * count (the page driver matches labels the same way, see src/page/README.md).
 */
export const categoryKey = (category: string): string =>
  category.trim().replace(/\s+/g, ' ').toLowerCase();
