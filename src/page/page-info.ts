import type { PageInfo } from '../core/protocol';
import { METHODS, type Scope } from '../core/scope-model';
import { contentText } from './accessible-name';
import { accountKind, detectLocale, isDetected } from './detect';
import { LOCALES } from './locales';
import { isAny, squash } from './text';

/**
 * What the content script knows about its page, including what the wizard offered when it was
 * last seen (versions, scopes): impact.com publishes neither list, so the page is the source.
 */

/** The API Version drop-down's option texts, in page order. */
let versionNames: string[] = [];
/** Category -> methods seen; null while never seen switched on (the page hides them then). */
const seenScopes = new Map<string, Set<string> | null>();

export const rememberVersionOptions = (names: string[]): void => {
  versionNames = names;
};
export const versionOptions = (): string[] => versionNames;

/**
 * A category the scope step showed, with its methods when it was seen switched on (`methods`
 * undefined: off, so its methods are not on the page).
 */
export function rememberCategory(category: string, methods?: string[]): void {
  if (methods) seenScopes.set(category, new Set(methods));
  else if (!seenScopes.has(category)) seenScopes.set(category, null);
}

/**
 * Scopes offered, as seen so far. A category never seen switched on is reported with all four
 * methods, the reference assumption, so the helper does not warn about methods nobody has seen
 * missing; if one is missing after all, the run stops on it and the next report is exact.
 */
export const offeredScopes = (): Scope[] =>
  [...seenScopes].map(([category, set]) => ({
    category,
    methods: set ? METHODS.filter((m) => set.has(m)) : [...METHODS],
  }));

/** Version numbers, newest first. */
const versionNumbers = (): string[] =>
  [...new Set(versionNames.map((n) => n.match(/\d+/)?.[0] ?? ''))]
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
    scopes: seenScopes.size ? offeredScopes() : undefined,
  };
}
