import type { JSX } from 'preact';
import type { AccountKind } from '../../core/protocol';
import { t } from '../../platform/i18n';
import { grantText } from '../grant-text';
import type { PresetMarks } from './marks';

export const kindName = (kind: AccountKind): string =>
  t(kind === 'brand' ? 'kindBrand' : 'kindPartner');

/** "partner" or, when the list's API version is known, "partner (API v16)". */
const listName = (kind: AccountKind, version?: string): string =>
  version ? t('kindVersion', [kindName(kind), version]) : kindName(kind);

/** The marks of one preset as short lines; nothing when there is nothing to say. */
/** Whether a preset has any mark to list (a reference to an empty list would point at nothing). */
export const hasMarks = (marks: PresetMarks): boolean =>
  marks.write.length > 0 || marks.allCategories || marks.drift.length > 0;

export function MarkList({
  marks,
  managed,
  id,
}: {
  marks: PresetMarks;
  managed?: boolean;
  id?: string;
}): JSX.Element | null {
  const lines: JSX.Element[] = [];
  if (managed)
    lines.push(
      <li key="managed" class="mark org">
        {t('presetManagedGroup')}
      </li>,
    );
  if (marks.write.length > 0)
    lines.push(
      <li key="write" class="mark warn">
        ⚠ {t('markWrite', marks.write.join(', '))}
      </li>,
    );
  if (marks.allCategories)
    lines.push(
      <li key="all" class="mark warn">
        ⚠ {t('markAll')}
      </li>,
    );
  for (const drift of marks.drift)
    lines.push(
      <li key={`drift-${drift.kind}`} class="mark drift">
        ⚠{' '}
        {t('markDrift', [
          listName(drift.kind, drift.version),
          drift.missing.map(grantText).join(', '),
        ])}
      </li>,
    );
  for (const change of marks.changed) {
    const list = listName(change.kind, change.version);
    if (change.appeared.length)
      lines.push(
        <li key={`appeared-${change.kind}`} class="mark warn">
          ⚠ {t('markAppeared', [list, change.appeared.join(', ')])}
        </li>,
      );
    if (change.vanished.length)
      lines.push(
        <li key={`vanished-${change.kind}`} class="mark drift">
          ⚠ {t('markVanished', [list, change.vanished.join(', ')])}
        </li>,
      );
  }
  if (lines.length === 0) return null;
  return (
    <ul class="marks" id={id}>
      {lines}
    </ul>
  );
}
