import { type PlanStep, WIZARD_STEPS, type WizardStep } from '../core/plan';
import type { RunOutcome } from '../core/protocol';

/**
 * Which of the wizard's four steps a run is on, for the run view's step list. The page reports
 * plan steps (fill a field, press Next); each belongs to one wizard step.
 */
export function wizardStepOf(step: PlanStep): WizardStep {
  switch (step.kind) {
    case 'openWizard':
    case 'fillText':
      return 'setup';
    case 'expectStep':
      return step.step;
    case 'choose':
      return step.field === 'apiVersion' ? 'setup' : 'contact';
    case 'addEmails':
      return 'contact';
    case 'clearScopes':
    case 'setCategory':
    case 'setGrants':
      return 'scopes';
    case 'next':
      return WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(step.from) + 1, 3)] ?? 'create';
    case 'readBack':
    case 'create':
    case 'awaitCreated':
      return 'create';
  }
}

export type StepState = 'done' | 'current' | 'todo' | 'stopped' | 'yours';

/**
 * Each wizard step's state: those before the current one are done. A finished run: created means
 * every step is done; ready for review leaves Create to the person; a stop marks its step.
 */
export function stepStates(
  current: WizardStep | undefined,
  outcome: RunOutcome | undefined,
): Record<WizardStep, StepState> {
  const at = (step: WizardStep) => WIZARD_STEPS.indexOf(step);
  const [reached, here]: [number, StepState | undefined] =
    outcome?.status === 'created'
      ? [WIZARD_STEPS.length, undefined]
      : outcome?.status === 'stopped'
        ? [at(outcome.step), 'stopped']
        : outcome?.status === 'ready-for-review'
          ? [at('create'), 'yours']
          : [current ? at(current) : -1, outcome ? undefined : 'current'];
  return Object.fromEntries(
    WIZARD_STEPS.map((step) => [
      step,
      at(step) < reached ? 'done' : at(step) === reached && here ? here : 'todo',
    ]),
  ) as Record<WizardStep, StepState>;
}
