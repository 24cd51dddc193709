import { describe, expect, it } from 'vitest';
import {
  defaultFirst,
  withDefault,
  withPresetAdded,
  withPresetRemoved,
  withPresetReplaced,
  withPresetRestored,
  withSettings,
} from '../../../src/core/preset-list';
import { defaultState, type StoredState } from '../../../src/core/stored-state';
import { deepFreeze, makePreset } from './fixtures';

const a = makePreset({ id: 'a', name: 'Alpha' });
const b = makePreset({ id: 'b', name: 'Beta' });
const c = makePreset({ id: 'c', name: 'Gamma' });
const state = (over: Partial<StoredState> = {}): StoredState =>
  deepFreeze({ ...defaultState(), presets: [a, b, c], ...over });

const ids = (s: StoredState) => s.presets.map((p) => p.id);

describe('preset list edits', () => {
  it('adds at the end and replaces in place, leaving the input as it was', () => {
    const before = state();
    expect(ids(withPresetAdded(before, makePreset({ id: 'd' })))).toEqual(['a', 'b', 'c', 'd']);
    const renamed = { ...b, name: 'Beta 2' };
    const after = withPresetReplaced(before, renamed);
    expect(after.presets.map((p) => p.name)).toEqual(['Alpha', 'Beta 2', 'Gamma']);
    expect(before.presets[1]?.name).toBe('Beta');
  });

  it('removes a preset and clears a default that pointed at it, but not another default', () => {
    const removed = withPresetRemoved(state({ defaultPresetId: 'b' }), 'b');
    expect(removed && ids(removed.state)).toEqual(['a', 'c']);
    expect(removed?.state).not.toHaveProperty('defaultPresetId');
    expect(removed?.removed).toEqual({ preset: b, index: 1, wasDefault: true });
    expect(withPresetRemoved(state({ defaultPresetId: 'a' }), 'b')?.state.defaultPresetId).toBe(
      'a',
    );
    expect(withPresetRemoved(state(), 'nope')).toBeUndefined();
  });

  it('restores a removed preset at its place and as default, keeping later changes', () => {
    const removed = withPresetRemoved(state({ defaultPresetId: 'b' }), 'b');
    if (!removed) throw new Error('not removed');
    // Meanwhile another window added a preset and renamed one.
    const later = withPresetAdded(
      withPresetReplaced(removed.state, { ...a, name: 'Alpha 2' }),
      makePreset({ id: 'd' }),
    );
    const restored = withPresetRestored(later, removed.removed);
    expect(ids(restored)).toEqual(['a', 'b', 'c', 'd']);
    expect(restored.presets[0]?.name).toBe('Alpha 2');
    expect(restored.defaultPresetId).toBe('b');
    // Restoring twice does not double it; a shorter list takes it at its end.
    expect(ids(withPresetRestored(restored, removed.removed))).toEqual(['a', 'b', 'c', 'd']);
    const short = deepFreeze({ ...defaultState(), presets: [a] });
    expect(ids(withPresetRestored(short, { ...removed.removed, index: 5 }))).toEqual(['a', 'b']);
  });

  it('sets the default only to a listed preset, and merges settings', () => {
    expect(withDefault(state(), 'c').defaultPresetId).toBe('c');
    expect(withDefault(state(), 'zzz').defaultPresetId).toBeUndefined();
    expect(withSettings(state(), { openAutomatically: false }).settings).toEqual({
      openAutomatically: false,
    });
  });

  it('lists the default preset first, the rest in stored order', () => {
    expect(defaultFirst([a, b, c], 'c').map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(defaultFirst([a, b, c], undefined).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(defaultFirst([a, b, c], 'gone').map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
