import type { JSX } from 'preact';
import { exportPack } from '../core/pack';
import type { Preset } from '../core/preset';
import type { StoredState } from '../core/stored-state';
import { downloadText } from '../platform/files';
import { t } from '../platform/i18n';

/**
 * Room for the team features (import/export packs, share text, audit log): they plug in here,
 * under src/helper/team/, and get the stored state and the one save function the helper uses.
 */
export interface TeamProps {
  presets: readonly Preset[];
  state: StoredState;
  save(next: StoredState, done: string, undo?: () => void): Promise<boolean>;
}

export function TeamSection({ presets }: TeamProps): JSX.Element {
  return (
    <details class="team">
      <summary>{t('team')}</summary>
      <p class="hint">{t('teamHint')}</p>
      <div class="row">
        <button
          type="button"
          disabled={presets.length === 0}
          onClick={() => downloadText('impact-token-presets.json', exportPack(presets), 'json')}
        >
          {t('exportPresets')}
        </button>
      </div>
    </details>
  );
}
