import { type Dispatch, type SetStateAction, useEffect, useRef } from 'react';
import type { LateResetField } from '../../scenario';
import { scenario } from '../runtime';
import { CONTACT, SETUP, type WizardForm } from './form';

const STEP_OF: Record<LateResetField, number> = {
  tokenName: SETUP,
  description: SETUP,
  version: SETUP,
  primaryContact: CONTACT,
};

/**
 * Scenario.lateReset: once, `afterMs` after the field's step first appears, put the field back to
 * its default, as a page does when late-loading data overwrites what was already typed.
 */
export function useLateReset(
  step: number,
  setForm: Dispatch<SetStateAction<WizardForm>>,
  defaults: Pick<WizardForm, LateResetField>,
) {
  const fired = useRef(false);
  const latestDefaults = useRef(defaults);
  latestDefaults.current = defaults;

  useEffect(() => {
    const reset = scenario.lateReset;
    if (!reset || fired.current || STEP_OF[reset.field] !== step) return;
    fired.current = true;
    const timer = setTimeout(() => {
      setForm((form) => ({ ...form, [reset.field]: latestDefaults.current[reset.field] }));
    }, reset.afterMs * scenario.slowdown);
    return () => clearTimeout(timer);
  }, [step, setForm]);
}
