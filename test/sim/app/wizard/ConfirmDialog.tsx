/** @jsxImportSource react */
import { useId } from 'react';
import { Modal } from '../controls/Modal';
import { t } from '../runtime';

/** Scenario.confirmStep: a role=alertdialog "Create this token?" between Create and the call. */
export function ConfirmDialog({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const id = useId();
  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-body`} size="narrow">
      <header className="modal-header">
        <h2 id={`${id}-title`}>{t('confirmTitle')}</h2>
      </header>
      <div className="modal-body">
        <p id={`${id}-body`}>{t('confirmBody')}</p>
      </div>
      <footer className="modal-footer">
        <span className="footer-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm}>
          {t('confirm')}
        </button>
      </footer>
    </Modal>
  );
}
