import type { JSX } from 'preact';
import type { ListedPreset, Preset } from '../../core/preset';
import { defaultFirst } from '../../core/preset-list';
import type { PageInfo } from '../../core/protocol';
import type { StoredState } from '../../core/stored-state';
import type { RunMode } from '../../core/token-request';
import type { Catalogs } from '../../platform/catalog';
import { t } from '../../platform/i18n';
import { CaptureAsPreset } from '../team/capture';
import { knownOffers, presetMarks } from '../team/marks';
import { TeamSection } from '../team/team-section';
import type { PresetStore } from '../use-presets';
import { PresetCard } from './preset-card';
import type { Selection } from './selection';

interface Props {
  state: StoredState;
  managed: readonly ListedPreset[];
  page?: PageInfo;
  tabId?: number;
  catalogs: Catalogs;
  save: PresetStore['save'];
  now(): Date;
  search: string;
  /** The run status line (the helper's one live region: a refusal shows there). */
  status: JSX.Element;
  /** The settings section. */
  settings: JSX.Element;
  /** The preset last opened, for the Team section's share text. */
  selected?: ListedPreset;
  onRun(preset: ListedPreset, mode: RunMode, clicked: Element): void;
  onEdit(selection: Selection): void;
  /** A preset captured from the page was saved: open it for editing. */
  onCaptured(preset: Preset): Promise<boolean>;
  onNotice(text: string, tone: 'info' | 'error'): void;
}

/**
 * The first view: the presets as cards, the team's default first, each with its one action. New
 * presets start here too; settings and the Team section (share, import, audit) come after.
 */
export function HomeView(props: Props): JSX.Element {
  const { state, managed, page } = props;
  const detected = page?.detected === true;
  const offers = knownOffers(page, props.catalogs);
  const own = defaultFirst(state.presets, state.defaultPresetId);
  const card = (preset: ListedPreset) => {
    const selection = `${preset.managed ? 'org' : 'user'}:${preset.id}`;
    return (
      <li key={selection}>
        <PresetCard
          preset={preset}
          isDefault={!preset.managed && preset.id === state.defaultPresetId}
          marks={presetMarks(preset, offers)}
          canRun={detected}
          onRun={(mode, clicked) => props.onRun(preset, mode, clicked)}
          onEdit={() => props.onEdit(selection)}
        />
      </li>
    );
  };
  return (
    <>
      <section class="home" aria-labelledby="home-h">
        <h2 id="home-h" tabIndex={-1}>
          {t('presetsHeading')}
        </h2>
        {own.length === 0 && managed.length === 0 && <p class="hint">{t('noPresetsYet')}</p>}
        {own.length > 0 && (
          <ul class="cards" aria-label={t('presetOwnGroup')}>
            {own.map(card)}
          </ul>
        )}
        {managed.length > 0 && (
          <ul class="cards" aria-label={t('presetManagedGroup')}>
            {managed.map(card)}
          </ul>
        )}
        <div class="row">
          <button type="button" onClick={() => props.onEdit('')}>
            {t('newPreset')}
          </button>
          <CaptureAsPreset
            tabId={props.tabId}
            kind={page?.kind ?? 'partner'}
            detected={detected}
            disabled={false}
            presets={state.presets}
            now={props.now}
            onCreate={props.onCaptured}
            onNotice={props.onNotice}
          />
        </div>
        {props.status}
      </section>
      {props.settings}
      <TeamSection
        presets={state.presets}
        managed={managed}
        state={state}
        save={props.save}
        page={page}
        catalogs={props.catalogs}
        selected={props.selected}
        now={props.now}
        search={props.search}
      />
    </>
  );
}
