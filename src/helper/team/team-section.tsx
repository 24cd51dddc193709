import type { JSX } from 'preact';
import type { ListedPreset, Preset } from '../../core/preset';
import type { PageInfo } from '../../core/protocol';
import type { StoredState } from '../../core/stored-state';
import type { Catalogs } from '../../platform/catalog';
import { t } from '../../platform/i18n';
import { AuditView } from './audit-view';
import { ImportPanel } from './import-panel';
import { knownOffers, presetMarks } from './marks';
import { SharePresets } from './share-presets';
import './team.css';

export interface TeamProps {
  /** The person's own presets (storage.sync or its local fallback). */
  presets: readonly Preset[];
  /** The organization's presets (storage.managed), read-only. */
  managed: readonly ListedPreset[];
  state: StoredState;
  save(next: StoredState, done: string, undo?: () => void): Promise<boolean>;
  /** The page the helper works on, and the scope lists seen so far (the helper records them). */
  page?: PageInfo;
  catalogs: Catalogs;
  /** The preset last opened in the edit view. */
  selected?: ListedPreset;
  now(): Date;
  /** location.search of the helper page ("?team=import" opens the import). */
  search?: string;
}

/** Share and import presets, and the audit log of tokens created here. */
export function TeamSection(props: TeamProps): JSX.Element {
  const offers = knownOffers(props.page, props.catalogs);
  // Opened from the popup's "Import file…" (import-panel.tsx): straight to the import.
  const atImport = new URLSearchParams(props.search).get('team') === 'import';
  return (
    <details class="team" open={atImport}>
      <summary>{t('team')}</summary>
      <p class="hint">{t('teamHint')}</p>
      <SharePresets
        presets={props.presets}
        managed={props.managed}
        marksOf={(preset) => presetMarks(preset, offers)}
        selected={props.selected}
      />
      <ImportPanel state={props.state} save={props.save} now={props.now} focusFile={atImport} />
      <AuditView now={props.now} />
    </details>
  );
}
