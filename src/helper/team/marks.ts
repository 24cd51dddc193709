import { privilegeWarnings } from '../../core/least-privilege';
import type { Preset } from '../../core/preset';
import type { AccountKind, PageInfo } from '../../core/protocol';
import { publicCatalog } from '../../core/public-catalog';
import { type CatalogChange, type MissingGrant, scopeDrift } from '../../core/scope-catalog';
import {
  categoryKey,
  type Endpoint,
  endpointKey,
  type OfferedEndpoint,
  type Scope,
  type ScopeCatalog,
} from '../../core/scopes';
import { ACCOUNT_KINDS, type Catalogs, catalogFor } from '../../platform/catalog';
import { grantText } from '../grant-text';

/**
 * What the preset list says about each preset: impact.com's least-privilege advice (write grants,
 * every category) and drift: grants a page does not offer, and endpoints that appeared or vanished
 * since the page was seen before where the preset grants them. Pure, so it is tested as data.
 */
export interface PresetMarks {
  /** Grants that can change data, as "Actions PUT" or "Actions PUT /path". */
  write: string[];
  allCategories: boolean;
  /** Per list known: the preset's grants that the page did not offer. */
  drift: { kind: AccountKind; version?: string; missing: MissingGrant[] }[];
  /** Per list known: endpoints it gained that the preset's method grants now cover, or lost. */
  changed: { kind: AccountKind; version?: string; appeared: string[]; vanished: string[] }[];
}

/** A scope list known for a kind: a page's own, seen under `version` when that is known. */
export interface Offer {
  kind: AccountKind;
  version?: string;
  catalog: ScopeCatalog;
  changes?: CatalogChange[];
}

/**
 * The lists to check against: the open page's own when it has been read; else what was seen for
 * the open page's kind (every version); away from impact.com, every kind and version seen.
 */
export function knownOffers(page: PageInfo | undefined, catalogs: Catalogs): Offer[] {
  if (page?.kind && page.scopes?.length) {
    const version = page.versions?.[0];
    const seen = catalogFor(catalogs, page.kind, version);
    return [
      {
        kind: page.kind,
        ...(version ? { version } : {}),
        catalog: page.scopes,
        ...(seen?.changes ? { changes: seen.changes } : {}),
      },
    ];
  }
  const kinds = page?.kind ? [page.kind] : ACCOUNT_KINDS;
  return catalogs.filter((c) => kinds.includes(c.kind));
}

/** The offer a preset is checked against per kind: its own version's, else the newest seen. */
function offersFor(preset: Pick<Preset, 'version'>, offers: readonly Offer[]): Offer[] {
  const chosen = new Map<AccountKind, Offer>();
  for (const offer of offers) {
    const had = chosen.get(offer.kind);
    if (!had || (had.version !== preset.version && offer.version === preset.version))
      chosen.set(offer.kind, offer);
  }
  return [...chosen.values()];
}

const endpointText = (category: string, e: OfferedEndpoint) =>
  [category, e.method, e.path ?? e.summary].filter(Boolean).join(' ');

/** Of one list's changes, what touches the preset's grants. */
function changesFor(scopes: readonly Scope[], changes: readonly CatalogChange[]) {
  const byKey = new Map(scopes.map((s) => [categoryKey(s.category), s]));
  const appeared: string[] = [];
  const vanished: string[] = [];
  for (const change of changes) {
    const scope = byKey.get(categoryKey(change.category));
    if (!scope || change.whole === 'vanished') continue; // a lost category is drift already
    const pinned = new Set(scope.endpoints.map(endpointKey));
    for (const e of change.appeared)
      if (scope.methods.includes(e.method)) appeared.push(endpointText(change.category, e));
    for (const e of change.vanished)
      if (
        scope.methods.includes(e.method) ||
        (e.path !== undefined && pinned.has(endpointKey(e as Endpoint)))
      )
        vanished.push(endpointText(change.category, e));
  }
  return { appeared, vanished };
}

export function presetMarks(
  preset: Pick<Preset, 'scopes' | 'version'>,
  offers: readonly Offer[],
): PresetMarks {
  const chosen = offersFor(preset, offers);
  // "Every category" against each list known, or the public catalogs when none is.
  const lists = chosen.length
    ? chosen.map((o) => o.catalog)
    : ACCOUNT_KINDS.map((kind) => publicCatalog(kind));
  const warnings = lists.flatMap((list) =>
    privilegeWarnings(
      preset,
      list.map((c) => c.category),
    ),
  );
  const write = warnings.find((w) => w.code === 'write-scopes');
  return {
    write: write?.code === 'write-scopes' ? write.grants.map(grantText) : [],
    allCategories: warnings.some((w) => w.code === 'all-categories'),
    drift: chosen
      .map(({ kind, version, catalog }) => ({
        kind,
        ...(version ? { version } : {}),
        missing: scopeDrift(preset.scopes, catalog, publicCatalog(kind)),
      }))
      .filter((d) => d.missing.length > 0),
    changed: chosen
      .map(({ kind, version, changes }) => ({
        kind,
        ...(version ? { version } : {}),
        ...changesFor(preset.scopes, changes ?? []),
      }))
      .filter((c) => c.appeared.length > 0 || c.vanished.length > 0),
  };
}

export const hasMarks = (marks: PresetMarks): boolean =>
  marks.write.length > 0 ||
  marks.allCategories ||
  marks.drift.length > 0 ||
  marks.changed.length > 0;
