import type { JSX } from 'preact';
import type { AccountKind } from '../../core/protocol';
import { t } from '../../platform/i18n';
import type { PresetMarks } from './marks';

export const kindName = (kind: AccountKind): string =>
  t(kind === 'brand' ? 'kindBrand' : 'kindPartner');

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
          kindName(drift.kind),
          drift.missing.map((p) => `${p.category} ${p.method}`).join(', '),
        ])}
      </li>,
    );
  if (lines.length === 0) return null;
  return (
    <ul class="marks" id={id}>
      {lines}
    </ul>
  );
}
