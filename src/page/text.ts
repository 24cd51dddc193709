/**
 * Text comparison for page strings. impact.com's labels vary in letter case, spacing and, on the
 * Japanese UI, in full-/half-width forms (（最新） vs (最新), ＡＰＩ vs API); NFKC folds those.
 */

/** Collapses runs of whitespace; for showing the page's own words in a reason. */
export const squash = (s: string | null | undefined): string =>
  (s ?? '').replace(/\s+/g, ' ').trim();

/** NFKC, lower case, whitespace collapsed. */
export const norm = (s: string | null | undefined): string =>
  squash((s ?? '').normalize('NFKC')).toLowerCase();

/**
 * Comparison key: norm() without any spaces, because the Japanese UI spaces words inconsistently
 * (「アクセス トークン」 in the help centre, 「アクセストークン」 elsewhere).
 */
export const key = (s: string | null | undefined): string => norm(s).replace(/ /g, '');

/** True when `s` equals one of the accepted alternatives. */
export const isAny = (s: string | null | undefined, list: readonly string[]): boolean =>
  list.some((l) => key(l) === key(s));

/**
 * True when `s` is one of `list` once `decorations` ("(optional)", "*", ":") are taken off its
 * ends, one at a time: the label itself, then only such decorations, never another word.
 */
export function isLabel(
  s: string | null | undefined,
  list: readonly string[],
  decorations: readonly string[],
): boolean {
  for (let k = key(s), was = ''; k !== was; ) {
    if (list.some((l) => key(l) === k)) return true;
    was = k;
    for (const d of decorations.map(key))
      k = k.endsWith(d) ? k.slice(0, -d.length) : k.startsWith(d) ? k.slice(d.length) : k;
  }
  return false;
}

/** True when `s` contains one of the alternatives. */
export const hasAny = (s: string | null | undefined, list: readonly string[]): boolean =>
  list.some((l) => key(s).includes(key(l)));
