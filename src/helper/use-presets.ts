import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredState } from '../core/stored-state';
import { t } from '../platform/i18n';
import {
  type LoadedPresets,
  loadPresets,
  type SaveBase,
  savePresets,
  watchPresets,
} from '../platform/storage';

export interface PresetStore {
  /** undefined until the first load. */
  loaded?: LoadedPresets;
  /**
   * Saves `next`, an edit of `base` (what this window last read, unless said otherwise), and says
   * `done` (with Undo when `undo` is given). Resolves false, having said why, when it failed.
   */
  save(next: StoredState, done: string, undo?: () => void, base?: SaveBase): Promise<boolean>;
  /** Reads storage again (after a storage notice was dealt with). */
  reload(): void;
}

export type Say = (text: string, tone: 'info' | 'error', undo?: () => void) => void;

/** The person's presets: loaded, reloaded when another window or device changes them, saved. */
export function usePresets(say: Say): PresetStore {
  const [loaded, setLoaded] = useState<LoadedPresets>();
  const reload = useCallback(() => void loadPresets().then(setLoaded), []);

  useEffect(() => {
    reload();
    // Another window or device changed the presets: show them (a form being edited stays).
    return watchPresets(reload);
  }, [reload]);

  const save: PresetStore['save'] = async (next, done, undo, base) => {
    const from = base ?? loaded;
    if (!from) return false;
    try {
      const result = await savePresets(next, from);
      // What was written may hold other windows' changes too (savePresets reapplies this edit).
      setLoaded((prev) =>
        prev
          ? {
              ...prev,
              state: result.state,
              revision: result.revision,
              area: result.area,
              ...(result.fallbackReason ? { areaReason: result.fallbackReason } : {}),
            }
          : prev,
      );
      say(done, 'info', undo);
      return true;
    } catch (error) {
      say(t('storageError', error instanceof Error ? error.message : String(error)), 'error');
      return false;
    }
  };

  return { loaded, save, reload };
}
