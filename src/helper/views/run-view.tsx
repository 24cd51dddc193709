import type { JSX } from 'preact';
import { WIZARD_STEPS } from '../../core/plan';
import type { AccountKind } from '../../core/protocol';
import { t } from '../../platform/i18n';
import { PageReport } from '../page-report';
import type { RunState } from '../run';
import { type StepState, stepStates } from '../run-progress';
import { stepName } from '../run-text';
import { API_PAGES } from '../target';

interface Props {
  run: RunState;
  /** The preset (or edited form) being run, by name; '' for an unsaved form. */
  presetName: string;
  tabId?: number;
  kind?: AccountKind;
  /** The run's status line (the helper's one live region). */
  status: JSX.Element;
  onCancel(): void;
  onBack(): void;
}

const STATE_KEYS: Record<StepState, string> = {
  done: 'runStepDone',
  current: 'runStepCurrent',
  todo: 'runStepTodo',
  stopped: 'runStepStopped',
  yours: 'runStepYours',
};

/**
 * A run as it goes: the wizard's four steps, which is done and which the page is on, then the
 * result: created (and where the token list is), ready for the person's review, or stopped
 * (why, and the page report to send).
 */
export function RunView({ run, presetName, tabId, kind, status, onCancel, onBack }: Props) {
  const states = stepStates(run.step, run.outcome);
  const outcome = run.outcome?.status;
  return (
    <section class="run" aria-labelledby="run-h">
      <h2 id="run-h" tabIndex={-1}>
        {presetName ? t('runHeading', presetName) : t('runHeadingForm')}
      </h2>
      <ol class="steps" aria-label={t('runSteps')}>
        {WIZARD_STEPS.map((step) => (
          <li
            key={step}
            class={`step ${states[step]}`}
            aria-current={states[step] === 'current' && run.running ? 'step' : undefined}
          >
            <span class="step-name">{stepName(step)}</span>{' '}
            <span class="step-state">{t(STATE_KEYS[states[step]])}</span>
          </li>
        ))}
      </ol>
      {status}
      {outcome === 'created' && (
        <p>
          <a href={API_PAGES[kind ?? 'partner']} target="_blank" rel="noopener noreferrer">
            {t('runTokenList')}
          </a>
        </p>
      )}
      {/* Keyed by the status: each stopped run asks for its own report. */}
      {outcome === 'stopped' && tabId !== undefined && (
        <PageReport key={run.status} tabId={tabId} />
      )}
      <div class="row">
        {run.running ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={onBack}>
            {t('runBack')}
          </button>
        )}
      </div>
    </section>
  );
}
