import type { PackPreset } from './pack';
import { PRESET_LIMITS, type Preset, PresetSchema, stripPreset } from './preset';
import { MAX_STORED_PRESETS } from './stored-state';

/**
 * Import preview and apply. The preview says, per incoming preset, whether it is new, clashes with
 * one already stored, or is already there unchanged; the person picks a resolution per clash; apply
 * returns a NEW list and never touches the one it was given, so a failed or abandoned import leaves
 * the stored presets exactly as they were.
 */

export type ImportStatus = 'new' | 'conflict' | 'identical';
export type ImportResolution = 'keep-both' | 'replace' | 'skip';

export interface ImportItem {
  /** Position in the incoming list; resolutions are keyed by it. */
  index: number;
  incoming: PackPreset;
  status: ImportStatus;
  /** The stored preset it clashes with (same id first, else same name). */
  existing?: Preset;
  /** 'id' when the ids match (names may match too), 'name' when only the names do. */
  matchedBy?: 'id' | 'name';
}

export type ImportOutcome =
  | { ok: true; presets: Preset[]; added: string[]; replaced: string[]; skipped: number }
  | { ok: false; error: string };

export interface ImportOptions {
  /** Stamped on presets that arrive without updatedAt. */
  now: Date;
  /** Fresh preset ids (crypto.randomUUID in the extension; predictable in tests). */
  newId: () => string;
}

/** Names are compared the way people read them: case and surrounding spaces do not matter. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** Everything a person would call "the preset" — id and timestamps excluded. */
const sameContent = (a: PackPreset, b: PackPreset): boolean =>
  a.name === b.name &&
  a.nameTemplate === b.nameTemplate &&
  a.description === b.description &&
  a.version === b.version &&
  a.primaryContact === b.primaryContact &&
  JSON.stringify(a.developerEmails) === JSON.stringify(b.developerEmails) &&
  JSON.stringify(a.scopes) === JSON.stringify(b.scopes);

export const planImport = (
  existing: readonly Preset[],
  incoming: readonly PackPreset[],
): ImportItem[] =>
  incoming.map((preset, index) => {
    const byId = existing.find((e) => e.id === preset.id);
    const byName = existing.find((e) => nameKey(e.name) === nameKey(preset.name));
    const match = byId ?? byName;
    if (!match) return { index, incoming: preset, status: 'new' };
    return {
      index,
      incoming: preset,
      status: sameContent(match, preset) ? 'identical' : 'conflict',
      existing: match,
      matchedBy: byId ? 'id' : 'name',
    };
  });

/** The safe choice for every item: add what is new, skip what is already there, keep both on a clash. */
export const defaultResolutions = (
  items: readonly ImportItem[],
): Record<number, ImportResolution> =>
  Object.fromEntries(
    items.map((item) => [item.index, item.status === 'identical' ? 'skip' : 'keep-both']),
  );

/** "Name (2)", "Name (3)", … — the first one not taken, cut to fit the name limit. */
export const uniqueName = (name: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(nameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, PRESET_LIMITS.name - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
};

/**
 * Applies the chosen resolutions. Items without a resolution get: new → added, identical →
 * skipped, conflict → refused (the person must decide). `keep-both` gives a new id only when the
 * id is taken and "Name (2)" only when the name is taken. `replace` keeps the stored preset's id
 * and place in the list, so the default preset and anything else pointing at it stay valid.
 */
export const applyImport = (
  existing: readonly Preset[],
  items: readonly ImportItem[],
  resolutions: Readonly<Record<number, ImportResolution>>,
  options: ImportOptions,
): ImportOutcome => {
  const result: Preset[] = [...existing];
  const added: string[] = [];
  const replaced: string[] = [];
  let skipped = 0;
  const now = options.now.toISOString();

  const takenNames = (exceptId?: string) =>
    new Set(result.filter((p) => p.id !== exceptId).map((p) => nameKey(p.name)));
  const freshId = (): string | undefined => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const id = options.newId();
      if (!result.some((p) => p.id === id)) return id;
    }
    return undefined;
  };

  for (const item of items) {
    const resolution =
      resolutions[item.index] ??
      (item.status === 'new' ? 'keep-both' : item.status === 'identical' ? 'skip' : undefined);
    const label = `"${item.incoming.name}"`;
    if (!resolution) return { ok: false, error: `choose keep both, replace or skip for ${label}` };
    if (resolution === 'skip') {
      skipped++;
      continue;
    }
    const incoming = { ...item.incoming, updatedAt: item.incoming.updatedAt ?? now };
    if (resolution === 'replace') {
      const target = item.existing;
      if (!target) return { ok: false, error: `${label} is new; there is nothing to replace` };
      const at = result.findIndex((p) => p.id === target.id);
      if (at < 0 || replaced.includes(target.id))
        return { ok: false, error: `"${target.name}" would be replaced twice` };
      const name = uniqueName(incoming.name, takenNames(target.id));
      result[at] = stripPreset({ ...incoming, id: target.id, name });
      replaced.push(target.id);
      continue;
    }
    const id = result.some((p) => p.id === incoming.id) ? freshId() : incoming.id;
    if (!id) return { ok: false, error: `no free id for ${label}` };
    result.push(stripPreset({ ...incoming, id, name: uniqueName(incoming.name, takenNames()) }));
    added.push(id);
  }

  if (result.length > MAX_STORED_PRESETS)
    return { ok: false, error: `at most ${MAX_STORED_PRESETS} presets can be stored` };
  // The incoming presets were validated on parse; this re-check guards what apply itself made
  // (renamed, re-id'd) so an import can never produce a list that storage would refuse.
  const checked = PresetSchema.array().safeParse(result);
  if (!checked.success) return { ok: false, error: 'the import would produce invalid presets' };
  return { ok: true, presets: checked.data, added, replaced, skipped };
};
