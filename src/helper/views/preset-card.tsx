import type { JSX } from 'preact';
import type { ListedPreset } from '../../core/preset';
import type { RunMode } from '../../core/token-request';
import { t } from '../../platform/i18n';
import { grantSummary } from '../grant-summary';
import type { PresetMarks } from '../team/marks';
import { hasMarks, MarkList } from '../team/preset-marks';

interface Props {
  preset: ListedPreset;
  isDefault: boolean;
  marks: PresetMarks;
  /** The page can be run on (an impact.com API page, read). */
  canRun: boolean;
  onRun(mode: RunMode, clicked: Element): void;
  onEdit(): void;
}

/**
 * One preset on the home view: what it grants in words, its API version and warnings, and the
 * one thing the person came for, "Fill form" ("Fill and create" beside it). The card's name is
 * its heading; every button is described by it, so "Fill form" says which preset it fills.
 */
export function PresetCard({
  preset,
  isDefault,
  marks,
  canRun,
  onRun,
  onEdit,
}: Props): JSX.Element {
  const key = `${preset.managed ? 'org' : 'user'}-${preset.id}`;
  const title = `card-${key}`;
  const marksId = `card-marks-${key}`;
  const shown = hasMarks(marks) || !!preset.managed;
  return (
    <article class="card" aria-labelledby={title}>
      {/* The badge stays out of the heading: the heading alone names the card and its buttons. */}
      <div class="card-head">
        <h3 id={title}>{preset.name}</h3>
        {isDefault && <span class="badge">{t('presetDefaultBadge')}</span>}
      </div>
      <p class="grants">{grantSummary(preset.scopes)}</p>
      <p class="hint">
        {preset.version === 'latest' ? t('cardVersionLatest') : t('cardVersion', preset.version)}
      </p>
      {shown && <MarkList marks={marks} managed={preset.managed} id={marksId} />}
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={!canRun}
          aria-describedby={title}
          onClick={(e) => onRun('review', e.currentTarget)}
        >
          {t('fillForm')}
        </button>
        <button
          type="button"
          disabled={!canRun}
          aria-describedby={shown ? `${title} ${marksId}` : title}
          onClick={(e) => onRun('create', e.currentTarget)}
        >
          {t('fillAndCreate')}
        </button>
        <button type="button" class="quiet" aria-describedby={title} onClick={onEdit}>
          {preset.managed ? t('viewPreset') : t('editPreset')}
        </button>
      </div>
    </article>
  );
}
