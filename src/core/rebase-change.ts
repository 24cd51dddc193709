import type { Preset } from './preset';
import type { StoredState } from './stored-state';

/**
 * Reapplies one window's change to a state another window has saved since. The window loaded
 * `base`, edited it into `next`; `current` is what storage holds now. What `next` changed relative
 * to `base` (presets added, edited or deleted; the default; settings) is applied to `current`, and
 * everything else in `current` is kept, so a stale window cannot undo another window's save.
 */

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function rebaseChange(
  base: StoredState,
  next: StoredState,
  current: StoredState,
): StoredState {
  const before = new Map(base.presets.map((p) => [p.id, p]));
  const after = new Set(next.presets.map((p) => p.id));
  const presets: Preset[] = current.presets.filter(
    (p) => !(before.has(p.id) && !after.has(p.id)), // deleted by this window
  );
  next.presets.forEach((preset, index) => {
    const old = before.get(preset.id);
    if (old && same(old, preset)) return; // untouched here: the stored copy wins
    const at = presets.findIndex((p) => p.id === preset.id);
    if (at >= 0) presets[at] = preset;
    else presets.splice(Math.min(index, presets.length), 0, preset);
  });
  const state: StoredState = {
    ...current,
    presets,
    settings: { ...current.settings },
  };
  for (const key of Object.keys(next.settings) as (keyof StoredState['settings'])[])
    if (!same(next.settings[key], base.settings[key])) state.settings[key] = next.settings[key];
  const defaultId =
    next.defaultPresetId === base.defaultPresetId ? current.defaultPresetId : next.defaultPresetId;
  delete state.defaultPresetId;
  if (defaultId !== undefined && presets.some((p) => p.id === defaultId))
    state.defaultPresetId = defaultId;
  return state;
}
