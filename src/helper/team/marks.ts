import { privilegeWarnings } from '../../core/least-privilege';
import type { Preset } from '../../core/preset';
import type { AccountKind, PageInfo } from '../../core/protocol';
import { type ScopePair, scopeDrift } from '../../core/scope-catalog';
import { REFERENCE_CATEGORIES, type Scope } from '../../core/scopes';
import type { Catalogs } from '../../platform/catalog';

/**
 * What the preset list says about each preset: impact.com's least-privilege advice (write scopes,
 * every category) and drift (scopes the page no longer offers). Pure, so it is tested as data.
 */
export interface PresetMarks {
  /** "Category METHOD" keys that can change data. */
  write: string[];
  allCategories: boolean;
  /** Per account kind whose offer is known: the preset's pairs that kind's page did not offer. */
  drift: { kind: AccountKind; missing: ScopePair[] }[];
}

/**
 * The offers to check against: the open page's own list when it has been read; else what was last
 * seen for the open page's kind; away from impact.com, every kind seen so far.
 */
export function knownOffers(
  page: PageInfo | undefined,
  catalogs: Catalogs,
): { kind: AccountKind; scopes: Scope[] }[] {
  if (page?.kind && page.scopes?.length) return [{ kind: page.kind, scopes: page.scopes }];
  const kinds: AccountKind[] = page?.kind ? [page.kind] : ['partner', 'brand'];
  return kinds.flatMap((kind) => {
    const catalog = catalogs[kind];
    return catalog ? [{ kind, scopes: catalog.scopes }] : [];
  });
}

export function presetMarks(
  preset: Pick<Preset, 'scopes'>,
  offers: readonly { kind: AccountKind; scopes: Scope[] }[],
): PresetMarks {
  // "Every category" is judged against the page's categories when exactly one offer is known.
  const categories =
    offers.length === 1 && offers[0]
      ? offers[0].scopes.map((s) => s.category)
      : [...REFERENCE_CATEGORIES];
  const warnings = privilegeWarnings(preset, categories);
  return {
    write: warnings.flatMap((w) => (w.code === 'write-scopes' ? w.scopes : [])),
    allCategories: warnings.some((w) => w.code === 'all-categories'),
    drift: offers
      .map(({ kind, scopes }) => ({ kind, missing: scopeDrift(preset.scopes, scopes) }))
      .filter((d) => d.missing.length > 0),
  };
}

export const hasMarks = (marks: PresetMarks): boolean =>
  marks.write.length > 0 || marks.allCategories || marks.drift.length > 0;
