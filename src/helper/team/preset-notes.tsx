import type { JSX } from 'preact';
import type { ListedPreset } from '../../core/preset';
import type { PageInfo } from '../../core/protocol';
import type { Catalogs } from '../../platform/catalog';
import { t } from '../../platform/i18n';
import { hasMarks, knownOffers, presetMarks } from './marks';
import { MarkList } from './preset-marks';

/**
 * At the top of a preset's edit view: what the list knows about the preset (write access, every
 * category, scopes a page no longer offers), so it is seen before the form is even read.
 */
export function PresetNotes({
  preset,
  page,
  catalogs,
}: {
  preset?: ListedPreset;
  page?: PageInfo;
  catalogs: Catalogs;
}): JSX.Element | null {
  if (!preset) return null;
  const marks = presetMarks(preset, knownOffers(page, catalogs));
  if (!hasMarks(marks)) return null;
  return (
    <div class="preset-notes" role="note" aria-label={t('presetNotes', preset.name)}>
      <MarkList marks={marks} />
    </div>
  );
}
