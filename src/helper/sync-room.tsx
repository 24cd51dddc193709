import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { PresetSchema } from '../core/preset';
import { type StoredState, SYNC_QUOTA, syncRoomWith } from '../core/stored-state';
import { t } from '../platform/i18n';
import { type FormState, presetFromForm } from './form';

interface Props {
  state: StoredState;
  form: FormState;
  /** The preset a save would replace (the one being edited), or undefined for a new one. */
  editingId: string | undefined;
}

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * Said before a save, beside the save buttons: the presets, with this form saved in, would not
 * fit storage.sync. Saving still works (storage.ts keeps them in this browser until they fit),
 * but the person should know their other browsers will not get the change.
 */
export function SyncRoomHint({ state, form, editingId }: Props): JSX.Element | null {
  const room = useMemo(() => {
    const draft = PresetSchema.safeParse(
      presetFromForm(form, { id: editingId ?? '\u0000new', name: 'draft' }, new Date(0)),
    );
    return draft.success ? syncRoomWith(state, draft.data) : undefined;
  }, [state, form, editingId]);
  if (!room || room.fits) return null;
  return (
    <p class="warning">
      {t('syncRoomTooSmall', [
        kilobytes(room.neededBytes),
        kilobytes(SYNC_QUOTA.totalBytes),
        kilobytes(room.presetBytes),
      ])}
    </p>
  );
}
