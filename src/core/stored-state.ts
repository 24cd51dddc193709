import { z } from 'zod';
import { firstIssueText } from './issue-text';
import { migrate } from './migrations';
import { type Preset, PresetIdSchema, refineUniquePresetIds } from './preset';
import { StoredPresetSchema, toStoredPreset } from './stored-preset';
import { utf8ByteLength } from './untrusted-json';

/**
 * What the extension keeps in storage.sync, and how it is laid out there.
 *
 * Reading never throws and never deletes: data that cannot be read is handed back as
 * `quarantined` (to be kept aside, e.g. in storage.local, by src/platform) and a default state is
 * used, so one bad sync cannot wipe a team's presets without a trace.
 */

export const CURRENT_FORMAT_VERSION = 3;
/** A schema cap only; the 100 KB sync quota (fitsSyncQuota) is what binds first in practice. */
export const MAX_STORED_PRESETS = 200;

/** Kept minimal on purpose: every setting is a promise to migrate it forever. */
export const SettingsSchema = z.object({
  /**
   * Open the in-page helper panel when the token page is detected. On by default: the product's
   * promise is that the helper is already there when the person opens the API page.
   */
  openAutomatically: z.boolean().default(true),
});
export type Settings = z.output<typeof SettingsSchema>;

export const StoredStateSchema = z
  .object({
    formatVersion: z.literal(CURRENT_FORMAT_VERSION),
    /** Each in its stored form (stored-preset.ts), read back into a Preset. */
    presets: z.array(StoredPresetSchema).max(MAX_STORED_PRESETS),
    /** Preselected in the helper. A dangling id is dropped on load, not treated as corruption. */
    defaultPresetId: PresetIdSchema.optional(),
    settings: SettingsSchema.default({ openAutomatically: true }),
  })
  .superRefine(refineUniquePresetIds);
export type StoredState = z.output<typeof StoredStateSchema>;

export const defaultState = (): StoredState => ({
  formatVersion: CURRENT_FORMAT_VERSION,
  presets: [],
  settings: { openAutomatically: true },
});

export interface Quarantined {
  /** Exactly what was read, to be kept aside untouched. */
  raw: unknown;
  error: string;
  /**
   * 'newer-format': written by a newer extension (another synced browser was updated first). The
   * caller must not save over it; updating this extension will read it.
   */
  reason: 'invalid' | 'newer-format';
}

export interface LoadResult {
  state: StoredState;
  quarantined?: Quarantined;
  /** Set when older data was migrated: the caller should write the state back in the new format. */
  migratedFrom?: number;
}

/** Validates (and migrates) one stored state object. `undefined`/`null` means nothing stored yet. */
export const loadState = (raw: unknown): LoadResult => {
  if (raw === undefined || raw === null) return { state: defaultState() };
  try {
    const migrated = migrate(raw, CURRENT_FORMAT_VERSION);
    if (!migrated.ok)
      return {
        state: defaultState(),
        quarantined: {
          raw,
          error: migrated.error,
          reason: migrated.newer ? 'newer-format' : 'invalid',
        },
      };
    const parsed = StoredStateSchema.safeParse(migrated.value);
    if (!parsed.success)
      return {
        state: defaultState(),
        quarantined: { raw, error: firstIssueText(parsed.error), reason: 'invalid' },
      };
    const state = parsed.data;
    if (
      state.defaultPresetId !== undefined &&
      !state.presets.some((p) => p.id === state.defaultPresetId)
    )
      delete state.defaultPresetId;
    return migrated.from === CURRENT_FORMAT_VERSION
      ? { state }
      : { state, migratedFrom: migrated.from };
  } catch (error) {
    return {
      state: defaultState(),
      quarantined: { raw, error: `unreadable: ${String(error)}`, reason: 'invalid' },
    };
  }
};

// ---------------------------------------------------------------------------------------------
// Layout in storage.sync. Chrome refuses any item over 8 KB, so the state is split: one item per
// preset plus a small meta item holding the order, the default and the settings. Saving one
// preset then rewrites one small item, and a team's list is bounded by the 100 KB total instead.
//
//   meta            { formatVersion, order: [id, …], defaultPresetId?, settings }
//   preset:<id>     the preset in its stored form (stored-preset.ts: pinned endpoints compacted)
//   state           (version 1 only: the whole state in one item; read, then replaced)
// ---------------------------------------------------------------------------------------------

export const META_KEY = 'meta';
export const PRESET_KEY_PREFIX = 'preset:';
export const LEGACY_STATE_KEY = 'state';

export type StorageItems = Record<string, unknown>;

export const presetKey = (id: string): string => `${PRESET_KEY_PREFIX}${id}`;

export const toStorageItems = (state: StoredState): StorageItems => {
  const items: StorageItems = {
    [META_KEY]: {
      formatVersion: state.formatVersion,
      order: state.presets.map((p) => p.id),
      ...(state.defaultPresetId === undefined ? {} : { defaultPresetId: state.defaultPresetId }),
      settings: { ...state.settings },
    },
  };
  for (const preset of state.presets) items[presetKey(preset.id)] = toStoredPreset(preset);
  return items;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Puts the items back into one state object, without judging it (loadState does that). */
const assemble = (items: StorageItems): unknown => {
  const presetKeys = Object.keys(items).filter((key) => key.startsWith(PRESET_KEY_PREFIX));
  const meta = items[META_KEY];
  if (meta === undefined) {
    if (LEGACY_STATE_KEY in items) return items[LEGACY_STATE_KEY];
    if (presetKeys.length === 0) return undefined;
    // Presets can sync before the meta item does; read them rather than call the store corrupt.
    return {
      formatVersion: CURRENT_FORMAT_VERSION,
      presets: presetKeys.sort().map((key) => items[key]),
    };
  }
  if (!isRecord(meta)) return meta;
  const { order, ...rest } = meta;
  const ordered = (Array.isArray(order) ? order : [])
    .filter((id): id is string => typeof id === 'string')
    .map(presetKey)
    .filter((key, index, keys) => key in items && keys.indexOf(key) === index);
  // A preset item the order does not list (its meta update has not synced yet) is kept, last:
  // showing a preset again is better than losing one.
  const orphans = presetKeys.filter((key) => !ordered.includes(key)).sort();
  return { ...rest, presets: [...ordered, ...orphans].map((key) => items[key]) };
};

/**
 * Reads a storage.sync snapshot (`storage.sync.get(null)`). On quarantine, `raw` is the whole
 * snapshot, so nothing is lost even if the meta item itself was the broken part.
 */
export const fromStorageItems = (items: unknown): LoadResult => {
  if (!isRecord(items)) return loadState(items);
  const result = loadState(assemble(items));
  return result.quarantined
    ? { ...result, quarantined: { ...result.quarantined, raw: items } }
    : result;
};

/**
 * Keys of ours in `currentKeys` that `next` no longer has (deleted presets, the v1 item). Other
 * keys are left alone: storage.sync may hold things this module does not own.
 */
export const staleStorageKeys = (currentKeys: readonly string[], next: StorageItems): string[] =>
  currentKeys.filter(
    (key) =>
      !(key in next) &&
      (key === META_KEY || key === LEGACY_STATE_KEY || key.startsWith(PRESET_KEY_PREFIX)),
  );

// ---------------------------------------------------------------------------------------------
// storage.sync quota, as Chrome enforces it (Firefox uses the same numbers).
// ---------------------------------------------------------------------------------------------

export const SYNC_QUOTA = {
  bytesPerItem: 8192,
  totalBytes: 102400,
  maxItems: 512,
} as const;

/**
 * Chrome charges key + JSON of the value, measured as UTF-8 bytes (the same as `.length` for
 * ASCII). Its JSON writer also escapes `<`, U+2028 and U+2029 as `\uXXXX`; those are counted at 6
 * bytes so the estimate never comes out lower than Chrome's.
 */
export const syncItemBytes = (key: string, value: unknown): number => {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (unit === 0x3c) extra += 5;
    else if (unit === 0x2028 || unit === 0x2029) extra += 3;
  }
  return utf8ByteLength(key) + utf8ByteLength(json) + extra;
};

export interface QuotaReport {
  fits: boolean;
  totalBytes: number;
  itemCount: number;
  /** Items over the per-item limit, with their size, so the editor can name the preset. */
  oversized: { key: string; bytes: number }[];
}

export const fitsSyncQuota = (items: StorageItems): QuotaReport => {
  let totalBytes = 0;
  const oversized: { key: string; bytes: number }[] = [];
  const keys = Object.keys(items);
  for (const key of keys) {
    const bytes = syncItemBytes(key, items[key]);
    totalBytes += bytes;
    if (bytes > SYNC_QUOTA.bytesPerItem) oversized.push({ key, bytes });
  }
  return {
    fits:
      oversized.length === 0 &&
      totalBytes <= SYNC_QUOTA.totalBytes &&
      keys.length <= SYNC_QUOTA.maxItems,
    totalBytes,
    itemCount: keys.length,
    oversized,
  };
};

/** The stored form of one preset, for "will this still fit?" checks while editing. */
export const presetItemBytes = (preset: Preset): number =>
  syncItemBytes(presetKey(preset.id), toStoredPreset(preset));
