/** @jsxImportSource react */
import { useId, useLayoutEffect, useState } from 'react';
import type { CreateTokenResponse } from '../../wire';
import { Modal } from '../controls/Modal';
import { t, timings } from '../runtime';

/** A credential with a Copy button. The driver never reads these; a person copies them once. */
function Credential({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard access can be denied (e.g. headless); the value stays selectable.
    }
  };
  return (
    <div className="credential">
      <span className="field-label" id={id}>
        {label}
      </span>
      <div className="credential-row">
        <code className="credential-value">{value}</code>
        <button type="button" className="button" aria-describedby={id} onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
    </div>
  );
}

/** The success dialog "Access Token Created": Account SID, Auth Token, Done. */
export function CreatedDialog({
  created,
  onDone,
}: {
  created: CreateTokenResponse;
  onDone(): void;
}) {
  const id = useId();
  useLayoutEffect(() => {
    timings.created = performance.now();
  }, []);
  return (
    <Modal labelledBy={`${id}-title`} size="narrow">
      <header className="modal-header">
        <span className="success-mark" aria-hidden="true" />
        <h2 id={`${id}-title`}>{t('createdTitle')}</h2>
      </header>
      <div className="modal-body">
        <p className="step-intro">{t('createdBody')}</p>
        <Credential label={t('accountSid')} value={created.accountSid} />
        <Credential label={t('authToken')} value={created.authToken} />
      </div>
      <footer className="modal-footer">
        <span className="footer-spacer" />
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('done')}
        </button>
      </footer>
    </Modal>
  );
}
