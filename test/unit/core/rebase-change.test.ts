import { describe, expect, it } from 'vitest';
import { rebaseChange } from '../../../src/core/rebase-change';
import type { StoredState } from '../../../src/core/stored-state';
import { makePreset } from './fixtures';

const state = (ids: string[], extra: Partial<StoredState> = {}): StoredState => ({
  formatVersion: 3,
  presets: ids.map((id) => makePreset({ id, name: `Preset ${id}` })),
  settings: { openAutomatically: true },
  ...extra,
});

describe('reapplying a stale window’s change', () => {
  it('adds this window’s new preset without deleting the one another window added', () => {
    const base = state(['a']);
    const next = state(['a', 'mine']);
    const current = state(['a', 'theirs']);
    expect(rebaseChange(base, next, current).presets.map((p) => p.id)).toEqual([
      'a',
      'mine',
      'theirs',
    ]);
  });

  it('deletes only what this window deleted, and keeps the other window’s edit', () => {
    const base = state(['a', 'b']);
    const next = state(['b']);
    const current = {
      ...state(['a', 'b']),
      presets: [makePreset({ id: 'a' }), makePreset({ id: 'b', name: 'Edited elsewhere' })],
    };
    const result = rebaseChange(base, next, current);
    expect(result.presets.map((p) => [p.id, p.name])).toEqual([['b', 'Edited elsewhere']]);
  });

  it('applies this window’s edit over the stored copy, and its settings and default', () => {
    const base = state(['a', 'b']);
    const next = {
      ...state(['a', 'b'], { defaultPresetId: 'b', settings: { openAutomatically: false } }),
      presets: [
        makePreset({ id: 'a', name: 'Renamed here' }),
        makePreset({ id: 'b', name: 'Preset b' }),
      ],
    };
    const current = state(['a', 'b', 'c'], { defaultPresetId: 'c' });
    const result = rebaseChange(base, next, current);
    expect(result.presets.map((p) => p.name)).toEqual(['Renamed here', 'Preset b', 'Preset c']);
    expect(result.defaultPresetId).toBe('b');
    expect(result.settings.openAutomatically).toBe(false);
    // Untouched here: the other window's default stands.
    expect(rebaseChange(base, base, current).defaultPresetId).toBe('c');
  });
});
