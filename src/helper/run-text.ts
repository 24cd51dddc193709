import type { PlanStep, WizardStep } from '../core/plan';
import type { RunOutcome } from '../core/protocol';
import { t } from '../platform/i18n';

/**
 * A run in the person's language. The page sends ids (a plan step, a wizard step id), never
 * words, so every progress and stop line is worded here from _locales. Values the preset or the
 * page supplies (a category, a contact, the page's own alert text) are shown as given.
 */

const STEP_KEYS: Record<WizardStep, string> = {
  setup: 'stepSetup',
  contact: 'stepContact',
  scopes: 'stepScopes',
  create: 'stepCreate',
};

/** A wizard step's name, as the helper shows it. */
export const stepName = (step: WizardStep): string => t(STEP_KEYS[step]);

/** What a plan step does, as the progress line says it. */
export function stepText(step: PlanStep): string {
  switch (step.kind) {
    case 'openWizard':
      return t('runStepOpenWizard');
    case 'expectStep':
      return t('runStepExpect', stepName(step.step));
    case 'fillText':
      return t(step.field === 'tokenName' ? 'runStepFillName' : 'runStepFillDescription');
    case 'choose':
      if (step.field === 'primaryContact') return t('runStepChooseContact', step.value);
      return step.value === 'latest'
        ? t('runStepChooseLatest')
        : t('runStepChooseVersion', step.value);
    case 'addEmails':
      return step.values.length === 1
        ? t('runStepAddEmail')
        : t('runStepAddEmails', String(step.values.length));
    case 'clearScopes':
      return t('runStepClearScopes');
    case 'setCategory':
      return t(step.on ? 'runStepCategoryOn' : 'runStepCategoryOff', step.category);
    case 'setGrants': {
      const { category, methods, endpoints } = step.scope;
      const grants = methods.map((m) => t('runGrantAllOf', m));
      if (endpoints.length) grants.push(t('runGrantEndpoints', String(endpoints.length)));
      return t('runStepSetGrants', [category, grants.join(', ')]);
    }
    case 'next':
      return t('runStepNext', stepName(step.from));
    case 'readBack':
      return t('runStepReadBack');
    case 'create':
      return t('runStepCreate');
    case 'awaitCreated':
      return t('runStepAwaitCreated');
  }
}

/** The progress line before step `index` (0-based) of `total`. */
export const progressText = (index: number, total: number, step: PlanStep): string =>
  t('runStep', [String(Math.min(index + 1, total)), String(total), stepText(step)]);

/** The final line of a run. A stop's reason is the page's or the driver's words, kept verbatim. */
export function outcomeText(outcome: RunOutcome): string {
  switch (outcome.status) {
    case 'ready-for-review':
      return t('runReady');
    case 'created':
      return t('runCreated');
    case 'cancelled':
      return t('runCancelled');
    case 'stopped':
      return t('runStopped', [stepName(outcome.step), outcome.reason]);
  }
}
