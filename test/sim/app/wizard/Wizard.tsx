/** @jsxImportSource react */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useState } from 'react';
import type { AccountInfo, AccountUser, CreateTokenResponse, TokenRow } from '../../wire';
import { api } from '../api';
import { buildCatalog } from '../catalog';
import { Icon } from '../controls/Icon';
import { Modal } from '../controls/Modal';
import { Spinner } from '../controls/Spinner';
import { Toast } from '../controls/Toast';
import { pause } from '../latency';
import { lang, scenario, t, timings } from '../runtime';
import { ConfirmDialog } from './ConfirmDialog';
import { ContactStep } from './ContactStep';
import { CreatedDialog } from './CreatedDialog';
import { CreateStep } from './CreateStep';
import {
  CONTACT,
  CREATE,
  type FormChange,
  grantsOf,
  initialForm,
  requestOf,
  SCOPES,
  SETUP,
  STEPS,
} from './form';
import { refusalText } from './refusal';
import { ScopesStep } from './ScopesStep';
import { SetupStep } from './SetupStep';
import { StepIndicator, stepPanelId, stepTabId } from './StepIndicator';
import { useLateReset } from './useLateReset';

interface WizardProps {
  info: AccountInfo;
  /** Existing tokens, for the page's own uniqueness check before asking the backend. */
  tokens: TokenRow[];
  onClose(): void;
  /** Called once the backend has created the token (the list should reload). */
  onCreated(): void;
}

type Phase = 'editing' | 'confirming' | 'creating';

/**
 * The "Create Access Token" modal: four steps, each change asynchronous (validation, then the
 * scenario's latency), then Create -> (confirm) -> busy -> "Access Token Created".
 */
export function Wizard({ info, tokens, onClose, onCreated }: WizardProps) {
  const id = useId();
  const catalog = useMemo(() => buildCatalog(scenario, lang, info.kind), [info.kind]);
  const [form, setForm] = useState(() => initialForm(info));
  const [users, setUsers] = useState<AccountUser[] | null>(null);
  const [step, setStep] = useState(SETUP);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);
  /** Scenario.secretNotice: the toast that repeats the new secret. */
  const [toast, setToast] = useState<string | null>(null);

  const update = useCallback((change: FormChange) => {
    setForm((f) => ({ ...f, ...(typeof change === 'function' ? change(f) : change) }));
    setError(null);
  }, []);

  // Account users load when the wizard opens; the first one is preselected as primary contact.
  useEffect(() => {
    let live = true;
    api.users().then((list) => {
      if (!live) return;
      setUsers(list);
      setForm((f) => (f.primaryContact ? f : { ...f, primaryContact: list[0]?.email ?? '' }));
    });
    return () => {
      live = false;
    };
  }, []);

  useLayoutEffect(() => {
    Object.assign(timings, { wizardOpen: performance.now(), createStep: null, created: null });
  }, []);
  useLayoutEffect(() => {
    if (step === CREATE) timings.createStep = performance.now();
  }, [step]);

  useLateReset(step, setForm, {
    tokenName: '',
    description: '',
    version: info.versions[0] ?? 0,
    primaryContact: users?.[0]?.email ?? '',
  });

  /** The reason the current step cannot be left forward, or null. */
  const problem = async (): Promise<string | null> => {
    if (step === SETUP) {
      const name = form.tokenName.trim();
      if (!name) return t('errNameRequired');
      if (tokens.some((token) => token.name.toLowerCase() === name.toLowerCase()))
        return t('errNameTaken');
      return api.checkName(name).then(() => null, refusalText);
    }
    if (step === SCOPES && grantsOf(form, catalog).length === 0) return t('errScopeRequired');
    return null;
  };

  const go = async (to: number) => {
    if (moving) return;
    setMoving(true);
    setError(null);
    const refused = to > step ? await problem() : null;
    if (refused) setError(refused);
    else {
      await pause('step');
      setStep(to);
    }
    setMoving(false);
  };

  const submit = async () => {
    setPhase('creating');
    setError(null);
    try {
      const response = await api.createToken(requestOf(form, catalog));
      onCreated();
      if (scenario.secretNotice) {
        // Some pages say "created" with the secret in it, in an alert and a toast, before (or
        // instead of) a dialog: page text after Create may be the Auth Token.
        const notice = t('secretNotice', { token: response.authToken });
        setError(notice);
        setToast(notice);
        await pause('step');
      }
      setCreated(response);
    } catch (e) {
      setError(refusalText(e));
      setPhase('editing');
    }
  };

  const toastShown = toast && <Toast text={toast} />;
  if (created)
    return (
      <>
        <CreatedDialog created={created} onDone={onClose} />
        {toastShown}
      </>
    );

  const busy = phase === 'creating';
  const icons = scenario.buttonNames === 'icon';
  const body = [
    <SetupStep
      key="setup"
      form={form}
      update={update}
      versions={info.versions}
      nameError={error}
    />,
    <ContactStep key="contact" form={form} update={update} users={users} />,
    <ScopesStep key="scopes" form={form} update={update} catalog={catalog} error={error} />,
    <CreateStep key="create" form={form} users={users} catalog={catalog} error={error} />,
  ][step];

  return (
    <>
      <Modal labelledBy={`${id}-title`} busy={busy}>
        <header className="modal-header">
          <h2 id={`${id}-title`}>{t('createAccessToken')}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('close')}
            onClick={onClose}
            disabled={busy}
          >
            ×
          </button>
        </header>
        <StepIndicator current={step} base={id} />
        <div
          className="modal-body"
          {...(scenario.stepMarker === 'tabs'
            ? { role: 'tabpanel', id: stepPanelId(id), 'aria-labelledby': stepTabId(id, step) }
            : {})}
        >
          {scenario.stepMarker === 'heading' && (
            <h3 className="step-heading">{t(STEPS[step] ?? 'stepSetup')}</h3>
          )}
          {body}
        </div>
        <footer className="modal-footer">
          {step > SETUP && (
            <button
              type="button"
              className="button"
              onClick={() => go(step - 1)}
              disabled={moving || busy}
            >
              {icons && <Icon name="left" kind="ant" />}
              {t('back')}
            </button>
          )}
          <span className="footer-spacer" />
          {busy && (
            <span className="busy-note">
              <Spinner label={t('creating')} />
              {t('creating')}
            </span>
          )}
          {step < CREATE ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => go(step + 1)}
              disabled={moving || (step === CONTACT && !users)}
            >
              {moving && <Spinner />}
              {t('next')}
              {icons && <Icon name="right" kind="mui" />}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => (scenario.confirmStep ? setPhase('confirming') : submit())}
              disabled={phase !== 'editing'}
            >
              {icons && <Icon name="check" kind="ant" />}
              {t('create')}
            </button>
          )}
        </footer>
      </Modal>
      {phase === 'confirming' && (
        <ConfirmDialog onConfirm={submit} onCancel={() => setPhase('editing')} />
      )}
      {toastShown}
    </>
  );
}
