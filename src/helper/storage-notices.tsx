import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { downloadText } from '../platform/files';
import { t } from '../platform/i18n';
import {
  type LoadedPresets,
  readUnreadable,
  removeUnreadable,
  restoreKeptAside,
} from '../platform/storage';

/**
 * What the person must know about where their presets are: items this version could not read
 * (left in place, with Export and Remove), data from a newer version, a temporary fallback to
 * this browser's storage and why, and anything kept aside (with Restore).
 */
export function StorageNotices({
  loaded,
  onChanged,
}: {
  loaded: LoadedPresets;
  /** Called after Remove or Restore changed what is stored. */
  onChanged: () => void;
}): JSX.Element {
  const [busy, setBusy] = useState(false);
  const act = (work: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await work();
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  const unreadable = loaded.unreadable;
  return (
    <>
      {loaded.newer && (
        <p role="alert" class="notice error">
          {t('storageNewer')}
        </p>
      )}
      {unreadable.length > 0 && (
        <div role="alert" class="notice error">
          <p>
            {t('unreadablePresets', [
              String(unreadable.length),
              unreadable.map((u) => `${u.id} (${u.error})`).join('; '),
            ])}
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={act(async () =>
              downloadText(
                'unreadable-presets.json',
                `${JSON.stringify(await readUnreadable(unreadable), null, 2)}\n`,
              ),
            )}
          >
            {t('exportUnreadable')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={act(() => removeUnreadable(unreadable))}>
            {t('removeUnreadable')}
          </button>
        </div>
      )}
      {loaded.area === 'local' && (
        <p class="notice">
          {loaded.areaReason ? t('storageLocalWhy', loaded.areaReason) : t('storageLocal')}
        </p>
      )}
      {loaded.keptAside.map((kept) => (
        <div key={kept.key} class="notice">
          <p>{t('keptAside', [kept.key, kept.error])}</p>
          <button type="button" disabled={busy} onClick={act(() => restoreKeptAside(kept.key))}>
            {t('restoreKeptAside')}
          </button>
        </div>
      ))}
      {loaded.managedError && (
        <p role="alert" class="notice error">
          {t('managedError', loaded.managedError)}
        </p>
      )}
    </>
  );
}
