import { z } from 'zod';
import { firstIssueText } from './issue-text';
import { formatVersionOf, migrate } from './migrations';
import { type Preset, PresetIdSchema, refineUniquePresetIds } from './preset';
import {
  ITEM_BYTE_LIMIT,
  isSplitHeader,
  joinItem,
  PART_KEY_PREFIX,
  splitItem,
  syncItemBytes,
} from './split-item';
import { StoredPresetSchema, toStoredPreset } from './stored-preset';

/**
 * What the extension keeps in storage.sync, and how it is laid out there.
 *
 * Reading never throws and never deletes. loadState judges one state object and hands back what
 * it cannot read as `quarantined`; fromStorageItems (below) reads a storage snapshot item by item
 * through it, so one bad item or field costs only itself, and lists the rest as `unreadable` for
 * src/platform to leave in place.
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
// preset plus a small meta item holding the order, the default, the settings and the revision.
// Saving one preset then rewrites one small item, and a team's list is bounded by the 100 KB
// total instead. A preset over 8 KB is spread over part items (split-item.ts).
//
//   meta            { formatVersion, revision, order: [id, …], defaultPresetId?, settings }
//   preset:<id>     the preset in its stored form (stored-preset.ts: pinned endpoints compacted),
//                   or a split header
//   part:<id>:<i>   slices of a split preset
//   state           (version 1 only: the whole state in one item; read, then replaced)
//
// Items are read one by one: an item this version cannot read is reported and left where it is
// (its key is never written or removed by a save), and every other item is still read.
// ---------------------------------------------------------------------------------------------

export const META_KEY = 'meta';
export const PRESET_KEY_PREFIX = 'preset:';
export const LEGACY_STATE_KEY = 'state';

export type StorageItems = Record<string, unknown>;

export const presetKey = (id: string): string => `${PRESET_KEY_PREFIX}${id}`;

/** Keys this module may own in a storage area. */
export const isStateKey = (key: string): boolean =>
  key === META_KEY ||
  key === LEGACY_STATE_KEY ||
  key.startsWith(PRESET_KEY_PREFIX) ||
  key.startsWith(PART_KEY_PREFIX);

/** A preset as stored in its item. The seam for a compact per-preset encoding. */
export const encodePresetItem = (preset: Preset): unknown => toStoredPreset(preset);
/** The inverse of encodePresetItem, before validation (loadState judges the result). */
export const decodePresetItem = (value: unknown): unknown => value;

/** One preset's items: `preset:<id>`, plus its parts when it is over the item limit. */
export const presetItems = (preset: Preset): StorageItems =>
  splitItem(presetKey(preset.id), preset.id, encodePresetItem(preset));

export interface LayoutOptions {
  /** The revision this save writes (one more than the one it replaces). */
  revision: number;
  /** Ids of items kept in place unread: they keep their place in the order. */
  keptIds?: readonly string[];
}

export const toStorageItems = (
  state: StoredState,
  options: LayoutOptions = { revision: 0 },
): StorageItems => {
  const order = state.presets.map((p) => p.id);
  for (const id of options.keptIds ?? []) if (!order.includes(id)) order.push(id);
  const items: StorageItems = {
    [META_KEY]: {
      formatVersion: state.formatVersion,
      revision: options.revision,
      order,
      ...(state.defaultPresetId === undefined ? {} : { defaultPresetId: state.defaultPresetId }),
      settings: { ...state.settings },
    },
  };
  for (const preset of state.presets) Object.assign(items, presetItems(preset));
  return items;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An item (or group of items) this version could not read, left in place. */
export interface UnreadableItem {
  /** The preset id its key names (or the key itself for the meta and version 1 items). */
  id: string;
  /** Every key that belongs to it, so Export and Remove take all of it. */
  keys: string[];
  error: string;
}

export interface StoreRead {
  state: StoredState;
  /** The meta item's revision: a save is based on it (compare-and-set). 0 when absent. */
  revision: number;
  unreadable: UnreadableItem[];
  /** Keys that were read into `state`: the only ones a save may replace or remove. */
  readKeys: string[];
  /** Set when the meta item is from a newer format: nothing may be written over it. */
  newer?: string;
  /** A field of the meta item could not be read; its default is used until the next save. */
  metaProblem?: string;
  /** Set when older data was migrated: the caller should write the state back in the new format. */
  migratedFrom?: number;
}

const withoutPath = (error: string): string => error.replace(/^presets\[0\]\.?/, '');

interface MetaRead {
  version: number;
  order: string[];
  revision: number;
  defaultPresetId?: string;
  settings: Settings;
  newer?: string;
  problem?: string;
}

function readMeta(meta: unknown): MetaRead {
  const read: MetaRead = {
    version: CURRENT_FORMAT_VERSION,
    order: [],
    revision: 0,
    settings: SettingsSchema.parse({}),
  };
  if (meta === undefined) return read;
  const version = formatVersionOf(meta);
  if (version === undefined || !isRecord(meta)) {
    read.problem = 'meta: not an object with a valid formatVersion';
    return read;
  }
  if (version > CURRENT_FORMAT_VERSION)
    read.newer = `stored data has format ${version}, made by a newer version of the extension (this one reads up to ${CURRENT_FORMAT_VERSION})`;
  else read.version = version;
  const { order, revision, defaultPresetId, ...rest } = meta;
  if (Array.isArray(order)) read.order = order.filter((id): id is string => typeof id === 'string');
  if (typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0)
    read.revision = revision;
  if (PresetIdSchema.safeParse(defaultPresetId).success)
    read.defaultPresetId = defaultPresetId as string;
  if (read.newer) return read;
  // The settings go through the same migrations as the rest of the meta.
  const settings = loadState({ ...rest, presets: [] });
  if (settings.quarantined) read.problem = `meta: ${settings.quarantined.error}`;
  else read.settings = settings.state.settings;
  return read;
}

function readPreset(
  key: string,
  items: StorageItems,
  version: number,
): { preset: Preset; keys: string[]; migrated: boolean } | { error: string; keys: string[] } {
  const id = key.slice(PRESET_KEY_PREFIX.length);
  const partKeys = Object.keys(items).filter((k) => k.startsWith(`${PART_KEY_PREFIX}${id}:`));
  const keys = [key, ...partKeys];
  let value = items[key];
  if (isSplitHeader(value)) {
    const joined = joinItem(value, id, items);
    if (!joined.ok) return { error: joined.error, keys };
    value = joined.value;
  }
  const result = loadState({ formatVersion: version, presets: [decodePresetItem(value)] });
  const preset = result.state.presets[0];
  if (result.quarantined || !preset)
    return { error: withoutPath(result.quarantined?.error ?? 'empty'), keys };
  if (preset.id !== id) return { error: `holds id "${preset.id}" under the key of "${id}"`, keys };
  return { preset, keys, migrated: result.migratedFrom !== undefined };
}

/** Reads a storage area snapshot (`storage.sync.get(null)`), item by item. */
export const fromStorageItems = (items: StorageItems): StoreRead => {
  const unreadable: UnreadableItem[] = [];
  const readKeys: string[] = [];
  const meta = readMeta(items[META_KEY]);
  if (META_KEY in items) readKeys.push(META_KEY);
  let migratedFrom: number | undefined;
  const found = new Map<string, Preset>();
  if (items[META_KEY] === undefined && LEGACY_STATE_KEY in items) {
    const legacy = loadState(items[LEGACY_STATE_KEY]);
    if (legacy.quarantined?.reason === 'newer-format') meta.newer = legacy.quarantined.error;
    else if (legacy.quarantined)
      unreadable.push({
        id: LEGACY_STATE_KEY,
        keys: [LEGACY_STATE_KEY],
        error: legacy.quarantined.error,
      });
    else {
      readKeys.push(LEGACY_STATE_KEY);
      for (const preset of legacy.state.presets) found.set(preset.id, preset);
      meta.order = legacy.state.presets.map((p) => p.id);
      meta.settings = legacy.state.settings;
      meta.defaultPresetId = legacy.state.defaultPresetId;
      if (legacy.migratedFrom !== undefined) migratedFrom = legacy.migratedFrom;
    }
  }
  const presetKeys = Object.keys(items)
    .filter((key) => key.startsWith(PRESET_KEY_PREFIX))
    .sort();
  for (const key of presetKeys) {
    const read = readPreset(key, items, meta.version);
    if ('error' in read) {
      unreadable.push({
        id: key.slice(PRESET_KEY_PREFIX.length),
        keys: read.keys,
        error: read.error,
      });
      continue;
    }
    found.set(read.preset.id, read.preset);
    readKeys.push(...read.keys);
    if (read.migrated && meta.version !== CURRENT_FORMAT_VERSION) migratedFrom = meta.version;
  }
  if (meta.version !== CURRENT_FORMAT_VERSION && META_KEY in items) migratedFrom = meta.version;
  // The order first (an id listed twice counts once), then presets whose meta has not synced yet.
  const ids = [...new Set(meta.order.filter((id) => found.has(id)))];
  for (const id of found.keys()) if (!ids.includes(id)) ids.push(id);
  const presets = ids
    .slice(0, MAX_STORED_PRESETS)
    .map((id) => found.get(id))
    .filter((p): p is Preset => !!p);
  const state: StoredState = {
    formatVersion: CURRENT_FORMAT_VERSION,
    presets,
    settings: meta.settings,
  };
  if (meta.defaultPresetId !== undefined && found.has(meta.defaultPresetId))
    state.defaultPresetId = meta.defaultPresetId;
  return {
    state,
    revision: meta.revision,
    unreadable,
    readKeys,
    ...(meta.newer ? { newer: meta.newer } : {}),
    ...(meta.problem ? { metaProblem: meta.problem } : {}),
    ...(migratedFrom !== undefined && !meta.newer ? { migratedFrom } : {}),
  };
};

/**
 * Keys a save of `next` must remove: ones that were read and are no longer used (deleted
 * presets, parts of a preset that shrank, the v1 item). Unreadable and unknown keys are left
 * alone: storage.sync may hold things this version does not understand.
 */
export const staleStorageKeys = (readKeys: readonly string[], next: StorageItems): string[] =>
  readKeys.filter((key) => !(key in next));

// ---------------------------------------------------------------------------------------------
// storage.sync quota, as Chrome enforces it (Firefox uses the same numbers).
// ---------------------------------------------------------------------------------------------

export const SYNC_QUOTA = {
  bytesPerItem: ITEM_BYTE_LIMIT,
  totalBytes: 102400,
  maxItems: 512,
} as const;

export { syncItemBytes };

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

/** Why `report` does not fit, in the words Chrome uses, or undefined when it fits. */
export const quotaProblem = (report: QuotaReport): string | undefined => {
  if (report.oversized.length)
    return `QUOTA_BYTES_PER_ITEM quota exceeded (${report.oversized.map((o) => o.key).join(', ')})`;
  if (report.itemCount > SYNC_QUOTA.maxItems) return 'MAX_ITEMS quota exceeded';
  if (report.totalBytes > SYNC_QUOTA.totalBytes)
    return `QUOTA_BYTES quota exceeded (${report.totalBytes} of ${SYNC_QUOTA.totalBytes} bytes)`;
  return undefined;
};

/** Why `state` alone would not fit storage.sync, or undefined when it fits. */
export const syncQuotaProblem = (state: StoredState): string | undefined =>
  quotaProblem(fitsSyncQuota(toStorageItems(state)));

/** What one preset costs in storage.sync, all its items together. */
export const presetItemBytes = (preset: Preset): number =>
  Object.entries(presetItems(preset)).reduce(
    (sum, [key, value]) => sum + syncItemBytes(key, value),
    0,
  );

/** How the presets would sit in storage.sync with one preset saved in (shown before a save). */
export interface SyncRoom {
  fits: boolean;
  /** All the presets' items with `preset` in, metadata included. */
  neededBytes: number;
  /** That one preset's items (a large one is split over several, split-item.ts). */
  presetBytes: number;
}

/**
 * storage.sync's room for the presets once `preset` is saved (replacing the one with its id, or
 * added). Only this extension's items are counted: the area holds nothing else of ours.
 */
export const syncRoomWith = (state: StoredState, preset: Preset): SyncRoom => {
  const others = state.presets.filter((p) => p.id !== preset.id);
  const report = fitsSyncQuota(toStorageItems({ ...state, presets: [...others, preset] }));
  return {
    fits: report.fits,
    neededBytes: report.totalBytes,
    presetBytes: presetItemBytes(preset),
  };
};
