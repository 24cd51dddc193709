import type { Preset } from './preset';
import type { Settings, StoredState } from './stored-state';

/**
 * The person's preset list as edits: each takes the stored state and returns the next one, never
 * changing its input, so the helper can save it, show it, or undo it. Validation of a preset's own
 * fields stays with PresetSchema; these only keep the list, its order and its default coherent.
 */

/** Appends `preset` (a new id) at the end of the list. */
export const withPresetAdded = (state: StoredState, preset: Preset): StoredState => ({
  ...state,
  presets: [...state.presets, preset],
});

/** Puts `preset` in place of the stored one with its id; the list is unchanged if there is none. */
export const withPresetReplaced = (state: StoredState, preset: Preset): StoredState => ({
  ...state,
  presets: state.presets.map((p) => (p.id === preset.id ? preset : p)),
});

/** What a removal took out, to put it back as it was (undo). */
export interface RemovedPreset {
  preset: Preset;
  /** Its place in the list. */
  index: number;
  /** Whether it was the default preset. */
  wasDefault: boolean;
}

/**
 * Takes out the preset `id`; a default that pointed at it is cleared. undefined when the list
 * has no such preset.
 */
export function withPresetRemoved(
  state: StoredState,
  id: string,
): { state: StoredState; removed: RemovedPreset } | undefined {
  const index = state.presets.findIndex((p) => p.id === id);
  const preset = state.presets[index];
  if (!preset) return undefined;
  const wasDefault = state.defaultPresetId === id;
  const { defaultPresetId, ...rest } = state;
  return {
    state: {
      ...rest,
      ...(wasDefault || defaultPresetId === undefined ? {} : { defaultPresetId }),
      presets: state.presets.filter((p) => p.id !== id),
    },
    removed: { preset, index, wasDefault },
  };
}

/**
 * Puts a removed preset back where it was, as it was, into `state` (which may hold other changes
 * made since: they are kept). A preset with its id that came back meanwhile is replaced, not
 * doubled.
 */
export function withPresetRestored(state: StoredState, removed: RemovedPreset): StoredState {
  const others = state.presets.filter((p) => p.id !== removed.preset.id);
  const list = [...others];
  list.splice(Math.min(removed.index, list.length), 0, removed.preset);
  return {
    ...state,
    presets: list,
    ...(removed.wasDefault ? { defaultPresetId: removed.preset.id } : {}),
  };
}

/** Makes the preset `id` the one the helper offers first. */
export const withDefault = (state: StoredState, id: string): StoredState =>
  state.presets.some((p) => p.id === id) ? { ...state, defaultPresetId: id } : state;

export const withSettings = (state: StoredState, settings: Partial<Settings>): StoredState => ({
  ...state,
  settings: { ...state.settings, ...settings },
});

/**
 * The home view's order: the default preset first (it is the team's usual choice), then the
 * others as stored.
 */
export function defaultFirst<T extends { id: string }>(
  presets: readonly T[],
  defaultId: string | undefined,
): T[] {
  const preferred = presets.find((p) => p.id === defaultId);
  return preferred ? [preferred, ...presets.filter((p) => p !== preferred)] : [...presets];
}
