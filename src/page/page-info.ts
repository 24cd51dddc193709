import type { PageInfo } from '../core/protocol';
import type { Method, Scope } from '../core/scopes';
import { contentText } from './accessible-name';
import { accountKind, detectLocale, isDetected } from './detect';
import { LOCALES } from './locales';
import { isAny, squash } from './text';

/**
 * What the content script knows about its page, including what the wizard offered when it was
 * last seen (versions, scopes): impact.com publishes neither list, so the page is the source.
 */

// core/scopes.ts's METHODS would pull zod into the content script; same order, written out.
const METHOD_ORDER: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** Category -> methods seen; null while never seen switched on (the page hides them then). */
const seen = { versionOptions: [] as string[], scopes: new Map<string, Set<string> | null>() };

/** The API Version drop-down's option texts, in page order. */
export const rememberVersionOptions = (names: string[]): void => {
  seen.versionOptions = names;
};
export const versionOptions = (): string[] => seen.versionOptions;

/**
 * A category the scope step showed, with its methods when it was seen switched on (`methods`
 * undefined: off, so its methods are not on the page).
 */
export function rememberCategory(category: string, methods?: string[]): void {
  if (methods) seen.scopes.set(category, new Set(methods));
  else if (!seen.scopes.has(category)) seen.scopes.set(category, null);
}

/**
 * Scopes offered, as seen so far. A category never seen switched on is reported with all four
 * methods, the reference assumption, so the helper does not warn about methods nobody has seen
 * missing; if one is missing after all, the run stops on it and the next report is exact.
 */
export const offeredScopes = (): Scope[] =>
  [...seen.scopes].map(([category, set]) => ({
    category,
    methods: set ? METHOD_ORDER.filter((m) => set.has(m)) : [...METHOD_ORDER],
  }));

/** Version numbers, newest first. */
const versionNumbers = (): string[] =>
  [...new Set(seen.versionOptions.map((n) => n.match(/\d+/)?.[0] ?? ''))]
    .filter(Boolean)
    .sort((a, b) => +b - +a);

export function readPageInfo(): PageInfo {
  const kind = accountKind(location);
  const locale = detectLocale();
  const labels = LOCALES[locale].account;
  const account = [...document.querySelectorAll('[aria-label]')].find((e) =>
    isAny(e.getAttribute('aria-label'), labels),
  );
  const versions = versionNumbers();
  return {
    detected: isDetected(),
    kind,
    locale,
    account: account ? squash(contentText(account)) || undefined : undefined,
    versions: versions.length ? versions : undefined,
    scopes: seen.scopes.size ? offeredScopes() : undefined,
  };
}
