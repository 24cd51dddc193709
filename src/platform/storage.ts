import { parsePack } from '../core/pack';
import { type ListedPreset, markManaged, PresetSchema } from '../core/preset';
import {
  defaultState,
  fitsSyncQuota,
  fromStorageItems,
  LEGACY_STATE_KEY,
  type LoadResult,
  META_KEY,
  PRESET_KEY_PREFIX,
  type StorageItems,
  type StoredState,
  staleStorageKeys,
  toStorageItems,
} from '../core/stored-state';
import { ext as browser } from './ext';
import { AREA_MARKER_KEY, QUARANTINE_PREFIX } from './storage-keys';

/**
 * Where presets live, and the only code that reads or writes them.
 *
 * Layout (src/core/stored-state.ts decides the items):
 *   storage.sync   meta, preset:<id>, …            the normal home: follows the person's browsers
 *   storage.local  presetsArea: 'local'            set when sync was unavailable or over quota;
 *                  meta, preset:<id>, …            then the same items live here instead
 *                  quarantine:<ISO time>           data that failed validation, kept aside as read
 *   storage.managed presetPack                     an administrator's pack (read-only)
 *
 * Every read goes through core's loadState (zod + ordered migrations). Nothing is ever deleted
 * because it failed to read: it is copied to a quarantine item first, and the UI says so.
 */

export type PresetArea = 'sync' | 'local';

export interface QuarantineNotice {
  /** The storage.local key holding what was set aside. */
  key: string;
  reason: 'invalid' | 'newer-format';
  error: string;
}

export interface LoadedPresets {
  state: StoredState;
  /** Presets pushed by the organization (storage.managed), flagged `managed`. */
  managed: ListedPreset[];
  /** The organization's pack was there but could not be read. */
  managedError?: string;
  /** Where the presets were read from, and where saves go. */
  area: PresetArea;
  quarantine?: QuarantineNotice;
}

/** Saving would overwrite data written by a newer version of the extension. */
export class NewerFormatError extends Error {
  constructor() {
    super('stored presets were saved by a newer version of the extension; update it first');
  }
}

const ownKey = (key: string) =>
  key === META_KEY || key === LEGACY_STATE_KEY || key.startsWith(PRESET_KEY_PREFIX);

const ownItems = (items: StorageItems): StorageItems =>
  Object.fromEntries(Object.entries(items).filter(([key]) => ownKey(key)));

/** Set when the stored data is from a newer format: this copy must not be saved over it. */
let blockedByNewerFormat = false;

async function currentArea(): Promise<PresetArea> {
  const marker = await browser.storage.local.get(AREA_MARKER_KEY);
  return marker[AREA_MARKER_KEY] === 'local' ? 'local' : 'sync';
}

async function readSnapshot(): Promise<{ area: PresetArea; items: StorageItems }> {
  if ((await currentArea()) === 'sync') {
    try {
      return { area: 'sync', items: ownItems(await browser.storage.sync.get(null)) };
    } catch {
      // Sync is off (Firefox without an account, a policy) or broken: this browser's copy it is.
    }
  }
  return { area: 'local', items: ownItems(await browser.storage.local.get(null)) };
}

/**
 * One broken preset item should not hide every other preset. When the whole snapshot fails, the
 * items that fail on their own are set aside and the rest is read again.
 */
function salvage(items: StorageItems): { result: LoadResult; bad: string[] } | undefined {
  const bad = Object.keys(items).filter(
    (key) => key.startsWith(PRESET_KEY_PREFIX) && !PresetSchema.safeParse(items[key]).success,
  );
  if (bad.length === 0) return undefined;
  const rest = Object.fromEntries(Object.entries(items).filter(([key]) => !bad.includes(key)));
  const result = fromStorageItems(rest);
  return result.quarantined ? undefined : { result, bad };
}

async function setAside(
  area: PresetArea,
  raw: unknown,
  error: string,
  reason: QuarantineNotice['reason'],
  keys: string[],
): Promise<QuarantineNotice> {
  const key = `${QUARANTINE_PREFIX}${new Date().toISOString()}`;
  await browser.storage.local.set({ [key]: { area, reason, error, raw } });
  // Copied first, removed second: at no moment is the data only in memory.
  if (reason === 'invalid' && keys.length > 0) await browser.storage[area].remove(keys);
  return { key, reason, error };
}

/** A fresh install opens the panel by itself on the token page; stored data decides after that. */
const firstRunState = (): StoredState => ({
  ...defaultState(),
  settings: { openAutomatically: true },
});

/** Reads presets, settings and the organization's presets; migrates and quarantines as needed. */
export async function loadPresets(): Promise<LoadedPresets> {
  const { area, items } = await readSnapshot();
  let result = fromStorageItems(items);
  let quarantine: QuarantineNotice | undefined;
  blockedByNewerFormat = false;
  if (Object.keys(items).length === 0) result = { state: firstRunState() };
  else if (result.quarantined) {
    const { raw, error, reason } = result.quarantined;
    const partial = reason === 'invalid' ? salvage(items) : undefined;
    if (partial) {
      const bad = Object.fromEntries(partial.bad.map((key) => [key, items[key]]));
      quarantine = await setAside(area, bad, error, reason, partial.bad);
      result = partial.result;
    } else if (reason === 'newer-format') {
      // Not broken, just newer (another browser updated first): left where it is, untouched.
      blockedByNewerFormat = true;
      quarantine = { key: '', reason, error };
    } else {
      quarantine = await setAside(area, raw, error, reason, Object.keys(items));
    }
  }
  if (result.migratedFrom !== undefined || (quarantine && !blockedByNewerFormat)) {
    // Written back at once, so the old format (or the broken items' absence) is settled for good.
    await writeState(result.state, area, items);
  }
  const { managed, managedError } = await loadManaged();
  return {
    state: result.state,
    managed,
    ...(managedError ? { managedError } : {}),
    area: (await currentArea()) === 'local' ? 'local' : area,
    ...(quarantine ? { quarantine } : {}),
  };
}

/** The organization's pack from storage.managed (policy), if any. */
export async function loadManaged(): Promise<{ managed: ListedPreset[]; managedError?: string }> {
  let text: unknown;
  try {
    text = (await browser.storage.managed.get('presetPack')).presetPack;
  } catch {
    // Firefox throws when no policy is installed; Chrome returns {}. Both mean "none".
    return { managed: [] };
  }
  if (text === undefined) return { managed: [] };
  if (typeof text !== 'string') return { managed: [], managedError: 'presetPack is not text' };
  const pack = parsePack(text);
  if (!pack.ok) return { managed: [], managedError: pack.error };
  const epoch = new Date(0).toISOString();
  return {
    managed: markManaged(pack.pack.presets.map((p) => ({ ...p, updatedAt: p.updatedAt ?? epoch }))),
  };
}

export interface SaveResult {
  area: PresetArea;
  /** Why sync was not used, when it was not. */
  fallbackReason?: string;
}

/** Saves the whole state: to sync when it fits and works, else to this browser's local storage. */
export function savePresets(state: StoredState): Promise<SaveResult> {
  // One save at a time: two quick edits must not interleave their removes and writes.
  const run = saving.then(async () => {
    if (blockedByNewerFormat) throw new NewerFormatError();
    const area = await currentArea();
    const { items } = await readSnapshotOf(area);
    return writeState(state, area, items);
  });
  saving = run.catch(() => undefined);
  return run;
}

let saving: Promise<unknown> = Promise.resolve();

async function readSnapshotOf(area: PresetArea): Promise<{ items: StorageItems }> {
  try {
    return { items: ownItems(await browser.storage[area].get(null)) };
  } catch {
    return { items: {} };
  }
}

async function writeState(
  state: StoredState,
  area: PresetArea,
  current: StorageItems,
): Promise<SaveResult> {
  const next = toStorageItems(state);
  if (area === 'sync') {
    const quota = fitsSyncQuota(next);
    if (quota.fits) {
      try {
        await writeItems('sync', next, current);
        return { area: 'sync' };
      } catch (error) {
        return writeLocal(next, String(error instanceof Error ? error.message : error));
      }
    }
    const reason = quota.oversized.length
      ? `QUOTA_BYTES_PER_ITEM quota exceeded (${quota.oversized.map((o) => o.key).join(', ')})`
      : 'QUOTA_BYTES quota exceeded';
    return writeLocal(next, reason);
  }
  return writeLocal(next);
}

/** Writes only what changed (sync limits writes per minute), then drops items no longer used. */
async function writeItems(area: PresetArea, next: StorageItems, current: StorageItems) {
  const stale = staleStorageKeys(Object.keys(current), next);
  // Removing first leaves room under the quota for the new items; the full state is still in
  // hand, and a failed write falls back to local storage with all of it.
  if (stale.length) await browser.storage[area].remove(stale);
  const changed = Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(current[key]) !== JSON.stringify(value),
    ),
  );
  if (Object.keys(changed).length) await browser.storage[area].set(changed);
}

async function writeLocal(next: StorageItems, fallbackReason?: string): Promise<SaveResult> {
  const current = ownItems(await browser.storage.local.get(null));
  await writeItems('local', next, current);
  await browser.storage.local.set({ [AREA_MARKER_KEY]: 'local' });
  return { area: 'local', ...(fallbackReason ? { fallbackReason } : {}) };
}

/** Brings stored data to the current format (background, on install and update). */
export async function migrateStoredPresets(): Promise<void> {
  await loadPresets();
}

/** Calls `onChange` when presets or settings change anywhere (another window, another device). */
export function watchPresets(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'managed' || Object.keys(changes).some(ownKey)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
