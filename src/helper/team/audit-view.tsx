import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type AuditEntry, auditToCsv, auditToJson } from '../../core/audit-log';
import { grantLabels } from '../../core/scopes';
import { clearAudit, loadAudit, watchAudit } from '../../platform/audit';
import { downloadText } from '../../platform/files';
import { t, uiLanguage } from '../../platform/i18n';
import { panelIsClear } from '../panel-guard';
import { useStored } from '../use-stored';
import { kindName } from './preset-marks';

/** The popup is narrow: the newest entries are listed, the export has them all. */
const SHOWN = 20;

/** "2026-11-29" in local time, for file names. */
const fileDate = (now: Date) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * The audit log (written by the background when a run creates a token): the newest entries,
 * export as CSV or JSON, and Clear behind a confirmation.
 */
export function AuditView({ now }: { now(): Date }): JSX.Element {
  const audit = useStored(loadAudit, watchAudit);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const keepButton = useRef<HTMLButtonElement>(null);

  // The safe choice has focus when the question appears.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  const entries = audit?.entries ?? [];
  const newest = entries.slice(-SHOWN).reverse();
  const base = `impact-token-audit-${fileDate(now())}`;

  const clear = async (clicked: Element) => {
    if (!(await panelIsClear(clicked))) {
      setMessage(t('panelCovered'));
      setConfirming(false);
      return;
    }
    try {
      await clearAudit();
      setMessage(t('auditCleared'));
    } catch (error) {
      setMessage(t('storageError', error instanceof Error ? error.message : String(error)));
    }
    setConfirming(false);
  };

  return (
    <section class="team-part" aria-labelledby="audit-h">
      <h3 id="audit-h">{t('auditHeading')}</h3>
      <p class="hint">{t('auditHint')}</p>
      {entries.length === 0 ? (
        <p class="hint">{t('auditEmpty')}</p>
      ) : (
        <ol class="audit" aria-labelledby="audit-h">
          {newest.map((entry) => (
            <AuditLine key={`${entry.time}-${entry.name}`} entry={entry} />
          ))}
        </ol>
      )}
      {entries.length > SHOWN && (
        <p class="hint">{t('auditShowing', [String(SHOWN), String(entries.length)])}</p>
      )}
      {!!audit?.unreadable && <p class="hint">{t('auditUnreadable', String(audit.unreadable))}</p>}
      <div class="row">
        <button
          type="button"
          disabled={entries.length === 0}
          onClick={() => downloadText(`${base}.csv`, auditToCsv(entries), 'csv')}
        >
          {t('auditExportCsv')}
        </button>
        <button
          type="button"
          disabled={entries.length === 0}
          onClick={() => downloadText(`${base}.json`, auditToJson(entries), 'json')}
        >
          {t('auditExportJson')}
        </button>
        <button
          type="button"
          disabled={entries.length === 0 || confirming}
          onClick={() => {
            setMessage('');
            setConfirming(true);
          }}
        >
          {t('auditClear')}
        </button>
      </div>
      {confirming && (
        <div class="confirm">
          <p id="audit-confirm" class="warning">
            {t('auditClearConfirm', String(entries.length))}
          </p>
          <div class="row">
            <button
              type="button"
              aria-describedby="audit-confirm"
              onClick={(e) => void clear(e.currentTarget)}
            >
              {t('auditClearYes')}
            </button>
            <button
              type="button"
              ref={keepButton}
              aria-describedby="audit-confirm"
              onClick={() => setConfirming(false)}
            >
              {t('auditClearNo')}
            </button>
          </div>
        </div>
      )}
      <p class="hint" aria-live="polite">
        {message}
      </p>
    </section>
  );
}

function AuditLine({ entry }: { entry: AuditEntry }): JSX.Element {
  const time = new Date(entry.time).toLocaleString(uiLanguage());
  const version =
    entry.version === 'latest' ? t('versionLatest') : t('versionNumber', entry.version);
  return (
    <li>
      <strong>{entry.name}</strong>
      <span class="hint">
        {' '}
        {t('auditMeta', [
          time,
          entry.account || t('accountUnknown'),
          kindName(entry.accountKind),
          version,
        ])}
      </span>
      <br />
      <span class="scopes-line">{grantLabels(entry.scopes).join(', ')}</span>
    </li>
  );
}
