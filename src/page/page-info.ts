import type { PageContact, PageInfo } from '../core/protocol';
import { categoryKey, type OfferedCategory, type ScopeCatalog } from '../core/scope-model';
import { contentText } from './accessible-name';
import { accountKind, detectLocale, isDetected } from './detect';
import { LOCALES } from './locales';
import { isAny, squash } from './text';

/**
 * What the content script knows about its page, including what the wizard offered when it was
 * last seen (versions, scopes): impact.com publishes neither list, so the page is the source.
 */

interface Seen {
  /** The API Version drop-down's option texts, in page order. */
  versionNames: string[];
  /** Category -> what it offered when last seen on, or only its name while never seen on. */
  scopes: Map<string, OfferedCategory | { category: string; unseen: true }>;
  /** The Primary Contact list's people, as last shown whole. */
  contacts?: PageContact[];
}

/**
 * Kept on the content script's world, not in this module: the driver, which does the seeing, is
 * a separately loaded bundle (src/content/load-driver.ts) with its own copy of this module.
 */
const SEEN = Symbol.for('impact-token-helper.seen');
const world = globalThis as { [SEEN]?: Seen };
world[SEEN] ??= { versionNames: [], scopes: new Map() };
const seen: Seen = world[SEEN];
const seenScopes = seen.scopes;

export const rememberVersionOptions = (names: string[]): void => {
  seen.versionNames = names;
};
export const versionOptions = (): string[] => seen.versionNames;

/**
 * A category the scope step showed: what it offers when it was seen switched on, else only its
 * name (its rows are not on the page while it is off).
 */
export function rememberCategory(seen: OfferedCategory | string): void {
  if (typeof seen !== 'string') seenScopes.set(categoryKey(seen.category), seen);
  else if (!seenScopes.has(categoryKey(seen)))
    seenScopes.set(categoryKey(seen), { category: seen, unseen: true });
}

/**
 * What the step offers, as seen so far. A category never seen switched on is reported with
 * `unseen`, so the helper does not report drift nobody has seen; if a grant is missing after
 * all, the run stops on it and the next report is exact.
 */
export const offeredScopes = (): ScopeCatalog =>
  [...seenScopes.values()].map((seen) =>
    'unseen' in seen ? { category: seen.category, methods: [], endpoints: [], unseen: true } : seen,
  );

/** An address in a contact option's text; the option's other words are the person's name. */
const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/;

/**
 * The Primary Contact list's option texts ("Ben Carter <ben@acme.example>"), read when the whole
 * list was on the page (not one filtered by typing). An option without an address names nobody
 * the helper could store, so it is left out rather than guessed at.
 */
export function rememberContactOptions(names: readonly string[]): void {
  const contacts = names.flatMap((text) => {
    const email = text.match(EMAIL)?.[0];
    if (!email) return [];
    const name = squash(text.replace(email, '').replace(/[<>()[\]]/g, ' '));
    return [{ name, email }];
  });
  if (contacts.length) seen.contacts = contacts;
}

/** Version numbers, newest first. */
const versionNumbers = (): string[] =>
  [...new Set(seen.versionNames.map((n) => n.match(/\d+/)?.[0] ?? ''))]
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
    contacts: seen.contacts?.map((c) => ({ ...c })),
  };
}
