import { z } from 'zod';

/** HTTP methods impact.com grants per API category (help centre: "per HTTP method"). */
export const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export const MethodSchema = z.enum(METHODS, {
  error: () => 'expected GET, POST, PUT or DELETE',
});
export type Method = z.infer<typeof MethodSchema>;

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
export const ScopeSchema = z.object({
  category: z.string().trim().min(1).max(80),
  methods: z.array(MethodSchema).min(1).max(4),
});
export type Scope = z.infer<typeof ScopeSchema>;

/** Scopes the page offers: category -> methods offered. */
export type ScopeCatalog = Scope[];

export const normalizeMethods = (methods: readonly Method[]): Method[] =>
  METHODS.filter((m) => methods.includes(m));

/** Flattens scopes into "Category METHOD" keys, the unit the helper UI and read-back compare. */
export const scopeKeys = (scopes: readonly Scope[]): string[] =>
  scopes.flatMap((s) => normalizeMethods(s.methods).map((m) => `${s.category} ${m}`));
