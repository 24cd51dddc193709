import { parsePack } from '../core/pack';
import { type ListedPreset, markManaged } from '../core/preset';
import { rebaseChange } from '../core/rebase-change';
import {
  defaultState,
  fitsSyncQuota,
  fromStorageItems,
  isStateKey,
  quotaProblem,
  type StorageItems,
  type StoredState,
  type StoreRead,
  staleStorageKeys,
  toStorageItems,
  type UnreadableItem,
} from '../core/stored-state';
import { ext as browser } from './ext';
import { AREA_MARKER_KEY, AREA_REASON_KEY, QUARANTINE_PREFIX } from './storage-keys';

/**
 * Where presets live, and the only code that reads or writes them.
 *
 * Layout (src/core/stored-state.ts decides the items):
 *   storage.sync   meta, preset:<id>, part:<id>:<i>   the normal home: follows the person's browsers
 *   storage.local  presetsArea: 'local', presetsAreaReason
 *                  meta, preset:<id>, …               while sync refuses saves (quota, write rate,
 *                                                     turned off); every save tries sync again
 *                  quarantine:<ISO time>              data kept aside before it was written over
 *   storage.managed presetPack                        an administrator's pack (read-only)
 *
 * Rules that keep data from being lost:
 *   - an item this version cannot read is left where it is, listed, and never written over;
 *   - data from a newer format is never written over (saves refuse);
 *   - a save writes first and removes second, so a failed save leaves the old state whole;
 *   - every save is based on the revision it read; when another window saved since, this
 *     window's change is reapplied to what is stored now (rebase-change.ts), not written over it.
 */

export type PresetArea = 'sync' | 'local';

/** Something kept aside in storage.local (by this or an earlier version), with Restore. */
export interface KeptAside {
  key: string;
  error: string;
}

export interface LoadedPresets {
  state: StoredState;
  /** The revision `state` was read at; pass this object back to savePresets as the base. */
  revision: number;
  /** Presets pushed by the organization (storage.managed), flagged `managed`. */
  managed: ListedPreset[];
  /** The organization's pack was there but could not be read. */
  managedError?: string;
  /** Where the presets were read from. */
  area: PresetArea;
  /** Why they are in local storage, when they are. */
  areaReason?: string;
  /** Items left in place because this version could not read them. */
  unreadable: UnreadableItem[];
  /** The stored data is from a newer version: shown, but saves refuse. */
  newer?: string;
  keptAside: KeptAside[];
}

/** What a save is based on: the state and revision this window last read. */
export type SaveBase = Pick<LoadedPresets, 'state' | 'revision'>;

/** Saving would overwrite data written by a newer version of the extension. */
export class NewerFormatError extends Error {
  constructor() {
    super('stored presets were saved by a newer version of the extension; update it first');
  }
}

const ownItems = (items: StorageItems): StorageItems =>
  Object.fromEntries(Object.entries(items).filter(([key]) => isStateKey(key)));

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

async function markedArea(): Promise<{ area: PresetArea; reason?: string }> {
  const marker = await browser.storage.local.get([AREA_MARKER_KEY, AREA_REASON_KEY]);
  if (marker[AREA_MARKER_KEY] !== 'local') return { area: 'sync' };
  const reason = marker[AREA_REASON_KEY];
  return { area: 'local', ...(typeof reason === 'string' ? { reason } : {}) };
}

interface Snapshot {
  area: PresetArea;
  reason?: string;
  /** Everything in the area, ours or not (the quota counts all of it). */
  all: StorageItems;
  read: StoreRead;
}

async function readArea(area: PresetArea): Promise<StorageItems> {
  return browser.storage[area].get(null);
}

async function snapshot(): Promise<Snapshot> {
  const marked = await markedArea();
  let area = marked.area;
  let reason = marked.reason;
  let all: StorageItems;
  try {
    all = await readArea(area);
  } catch (error) {
    // Sync is off (a policy) or broken: this browser's copy it is.
    area = 'local';
    reason = errorText(error);
    all = await readArea('local');
  }
  return { area, ...(reason ? { reason } : {}), all, read: fromStorageItems(ownItems(all)) };
}

/** A fresh install opens the panel by itself on the token page; stored data decides after that. */
const firstRunState = (): StoredState => ({
  ...defaultState(),
  settings: { openAutomatically: true },
});

/** Reads presets, settings and the organization's presets; migrates as needed. */
export async function loadPresets(): Promise<LoadedPresets> {
  let snap = await snapshot();
  let { state, revision } = snap.read;
  let area = snap.area;
  let areaReason = snap.reason;
  if (Object.keys(ownItems(snap.all)).length === 0) state = firstRunState();
  else if (snap.read.migratedFrom !== undefined && !snap.read.newer) {
    // Written back at once, so the old format is settled for good (unreadable items stay).
    const saved = await commit(snap, state);
    ({ state, revision, area } = saved);
    areaReason = saved.fallbackReason;
    snap = await snapshot();
  }
  const [{ managed, managedError }, keptAside] = await Promise.all([
    loadManaged(),
    listKeptAside(),
  ]);
  return {
    state,
    revision,
    managed,
    ...(managedError ? { managedError } : {}),
    area,
    ...(area === 'local' && areaReason ? { areaReason } : {}),
    unreadable: snap.read.unreadable,
    ...(snap.read.newer ? { newer: snap.read.newer } : {}),
    keptAside,
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
  /** What was written: `next`, or `next`'s change reapplied to a newer stored state. */
  state: StoredState;
  revision: number;
}

let saving: Promise<unknown> = Promise.resolve();

/** One save at a time in this window: two quick edits must not interleave. */
function queued<T>(work: () => Promise<T>): Promise<T> {
  const run = saving.then(work);
  saving = run.catch(() => undefined);
  return run;
}

/**
 * Saves `next`, the person's edit of `base`. When storage moved on since `base` was read (another
 * window saved), the edit is reapplied to what is stored now.
 */
export function savePresets(next: StoredState, base: SaveBase): Promise<SaveResult> {
  return queued(async () => {
    const snap = await snapshot();
    if (snap.read.newer) throw new NewerFormatError();
    const state =
      snap.read.revision === base.revision ? next : rebaseChange(base.state, next, snap.read.state);
    return commit(snap, state);
  });
}

/** Writes `state` over what `snap` read: to sync when it takes it, else to local. */
async function commit(snap: Snapshot, state: StoredState): Promise<SaveResult> {
  if (snap.read.metaProblem) {
    // The meta item is about to be rewritten with defaults for what it could not read.
    await keepAside({ [`${snap.area}:meta`]: snap.all.meta }, snap.read.metaProblem);
  }
  let syncError: string;
  try {
    return await commitToSync(snap, state);
  } catch (error) {
    if (error instanceof NewerFormatError) throw error;
    syncError = errorText(error);
  }
  const revision = snap.read.revision + 1;
  const next = toStorageItems(state, { revision, keptIds: snap.read.unreadable.map((u) => u.id) });
  const local = snap.area === 'local' ? snap : { all: await readArea('local'), read: undefined };
  const localRead = local.read ?? fromStorageItems(ownItems(local.all));
  await writeItems('local', next, local.all, staleStorageKeys(localRead.readKeys, next));
  await browser.storage.local.set({ [AREA_MARKER_KEY]: 'local', [AREA_REASON_KEY]: syncError });
  return { area: 'local', fallbackReason: syncError, state, revision };
}

async function commitToSync(snap: Snapshot, wanted: StoredState): Promise<SaveResult> {
  const fromSync = snap.area === 'sync';
  const all = fromSync ? snap.all : await readArea('sync');
  const read = fromSync ? snap.read : fromStorageItems(ownItems(all));
  if (read.newer) throw new NewerFormatError();
  let state = wanted;
  if (!fromSync) {
    // Coming back from local storage: presets only sync has (saved by another browser in the
    // meantime) are kept. A preset deleted here meanwhile may come back; none is lost.
    const extra = read.state.presets.filter((p) => !state.presets.some((q) => q.id === p.id));
    if (extra.length) state = { ...state, presets: [...state.presets, ...extra] };
  }
  const revision = Math.max(snap.read.revision, read.revision) + 1;
  const keptIds = [...snap.read.unreadable, ...read.unreadable].map((u) => u.id);
  const next = toStorageItems(state, { revision, keptIds });
  const blocked = read.unreadable.flatMap((u) => u.keys).filter((key) => key in next);
  if (blocked.length)
    throw new Error(`would write over items it cannot read (${blocked.join(', ')})`);
  const stale = staleStorageKeys(read.readKeys, next);
  const after = { ...all, ...next };
  for (const key of stale) delete after[key];
  // Sized before writing: the browser would refuse anyway, and this names the reason.
  const problem = quotaProblem(fitsSyncQuota(after));
  if (problem) throw new Error(problem);
  await writeItems('sync', next, all, stale);
  if ((await markedArea()).area === 'local') await leaveLocal();
  return { area: 'sync', state, revision };
}

/** Sync took a save again: the local copy and its marker go (sync now holds all of it). */
async function leaveLocal(): Promise<void> {
  const local = await readArea('local');
  const read = fromStorageItems(ownItems(local));
  await browser.storage.local.remove([...read.readKeys, AREA_MARKER_KEY, AREA_REASON_KEY]);
}

/** Writes what changed (sync limits writes per minute), then removes what is no longer used. */
async function writeItems(
  area: PresetArea,
  next: StorageItems,
  current: StorageItems,
  stale: string[],
): Promise<void> {
  const changed = Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(current[key]) !== JSON.stringify(value),
    ),
  );
  // Written first, removed second: if the write fails, the old state is still whole.
  if (Object.keys(changed).length) await browser.storage[area].set(changed);
  if (stale.length) await browser.storage[area].remove(stale);
}

async function keepAside(raw: StorageItems, error: string): Promise<string> {
  const key = `${QUARANTINE_PREFIX}${new Date().toISOString()}`;
  await browser.storage.local.set({ [key]: { reason: 'invalid', error, raw } });
  return key;
}

/** What is kept aside in storage.local, newest first. */
export async function listKeptAside(): Promise<KeptAside[]> {
  const local = await browser.storage.local.get(null);
  return Object.entries(local)
    .filter(([key]) => key.startsWith(QUARANTINE_PREFIX))
    .map(([key, value]) => ({
      key,
      error: String((value as { error?: unknown } | null)?.error ?? ''),
    }))
    .sort((a, b) => b.key.localeCompare(a.key));
}

/**
 * Puts back every preset a kept-aside entry holds that this version can read and the list does
 * not have yet. The entry is removed once nothing in it is left unread.
 */
export async function restoreKeptAside(key: string): Promise<{ restored: number }> {
  const entry = (await browser.storage.local.get(key))[key] as { raw?: unknown } | undefined;
  const raw = entry?.raw;
  const items: StorageItems =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as StorageItems) : {};
  const kept = fromStorageItems(ownItems(items));
  const current = await loadPresets();
  const missing = kept.state.presets.filter(
    (p) => !current.state.presets.some((q) => q.id === p.id),
  );
  if (missing.length)
    await savePresets(
      { ...current.state, presets: [...current.state.presets, ...missing] },
      current,
    );
  if (kept.unreadable.length === 0) await browser.storage.local.remove(key);
  return { restored: missing.length };
}

/** The stored items of unreadable entries, exactly as stored, for Export. */
export async function readUnreadable(items: readonly UnreadableItem[]): Promise<StorageItems> {
  const { area } = await snapshot();
  return browser.storage[area].get(items.flatMap((item) => item.keys));
}

/** Removes unreadable items, at the person's request (after Export, typically). */
export async function removeUnreadable(items: readonly UnreadableItem[]): Promise<void> {
  const { area } = await snapshot();
  await browser.storage[area].remove(items.flatMap((item) => item.keys));
}

/** Brings stored data to the current format (background, on install and update). */
export async function migrateStoredPresets(): Promise<void> {
  await loadPresets();
}

/** Calls `onChange` when presets or settings change anywhere (another window, another device). */
export function watchPresets(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'managed' || Object.keys(changes).some(isStateKey)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
