import type { PlanStep, ReadBackPath, WizardStep } from '../core/plan';
import type { RunOutcome } from '../core/protocol';
import { ready } from './actions';
import { detectLocale } from './detect';
import { chooseField, fillText, setEmails } from './fields';
import { LOCALES } from './locales';
import { getOne, one, queryAll, waitFor } from './locate';
import { clearScopes, setCategory, setGrants } from './page-scopes';
import { readBack } from './read-back';
import { hasAny } from './text';
import {
  alertText,
  type Ctx,
  checkAlert,
  currentStep,
  exclusive,
  expectStep,
  makeCtx,
  move,
  Stop,
  toSetup,
  wizard,
  wizards,
} from './wizard';

/**
 * The executor. The plan (src/core/build-plan.ts) decides what to do; this carries it out step by
 * step, reports each, and stops with a named reason at the first thing it cannot do exactly.
 */

/** Before each step: its index, the plan's length, and the step (callers label it). */
export interface Progress {
  index: number;
  total: number;
  step: PlanStep;
}

export interface RunOptions {
  signal: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** ms any one wait on the page may take. */
  timeout?: number;
  /** ms to wait for the success dialog after Create: the server is creating the token. */
  createTimeout?: number;
}

interface Run extends Ctx {
  /** Create was pressed: from here on a token may exist, so nothing reports "cancelled". */
  pressed?: boolean;
  /** The success dialog was seen. */
  created?: boolean;
  /** How read-back read the wizard, once it ran (a stop inside it: the path it was on). */
  readBack?: ReadBackPath;
  createTimeout: number;
}

/** Opens the wizard with the page's own button; a wizard left open is walked back to Setup. */
async function openWizard(c: Ctx): Promise<void> {
  // The page loads its data first: the button (or a wizard already open) may come late.
  const openers = () => queryAll(document, 'button', c.s.opener);
  const opener = await waitFor<true | Element>(
    () => wizards(c.s).length > 0 || (openers().length === 1 && (openers()[0] as Element)),
    c,
    () => one(openers(), `${c.s.opener[0]} (button)`) && new Stop('setup', 'no wizard'),
  );
  if (opener !== true) ready(opener, c.s.opener[0] as string).click();
  await waitFor(
    () => currentStep(c),
    c,
    () => new Stop('setup', 'the wizard did not open'),
  );
  await toSetup(c);
}

function pressCreate(r: Run): void {
  if (currentStep(r) !== 'create') throw new Stop('create', 'the wizard is not on its Create step');
  checkAlert(r, 'create');
  const button = ready(getOne(wizard(r), 'button', r.s.create), r.s.create[0] as string);
  r.pressed = true;
  button.click();
}

/**
 * After Create: confirms the optional "Create this token?" alertdialog, then waits for the
 * success dialog. That dialog shows the Account SID and Auth Token, a secret: it is found by role
 * and name only (its name comes from its aria-labelledby heading); nothing inside it is read.
 * No page text at all is read from here on: a page may repeat the token in an alert or a toast,
 * so an alert stops the run as "the page showed a message after Create", never in its words.
 */
async function awaitCreated(r: Run): Promise<void> {
  let confirmed = false;
  for (;;) {
    const found = await waitFor<true | Element>(
      () => {
        if (queryAll(document, 'dialog', (n) => hasAny(n, r.s.created)).length) return true;
        const ask = queryAll(document, 'alertdialog', (n) => hasAny(n, r.s.confirmDialog));
        if (!confirmed && ask.length === 1) return ask[0];
        // Never the alert's words: once Create was pressed they may hold the Auth Token.
        if (alertText(r)) throw new Stop('create', 'the page showed a message after Create');
      },
      { signal: r.signal, timeout: r.createTimeout },
      () => new Stop('create', 'the page did not show that the token was created'),
    );
    if (found === true) {
      r.created = true;
      return;
    }
    ready(getOne(found, 'button', r.s.confirm), r.s.confirm[0] as string).click();
    confirmed = true;
  }
}

function exec(r: Run, st: PlanStep): unknown {
  switch (st.kind) {
    case 'openWizard':
      return openWizard(r);
    case 'expectStep':
      return expectStep(r, st.step);
    case 'fillText':
      return fillText(r, st.field, st.value);
    case 'choose':
      return chooseField(r, st.field, st.value);
    case 'addEmails':
      return setEmails(r, st.values, false);
    case 'clearScopes':
      return clearScopes(r);
    case 'setCategory':
      return setCategory(r, st.category, st.on);
    case 'setGrants':
      return setGrants(r, st.scope);
    case 'next':
      return move(r, st.from, 1);
    case 'readBack':
      return readBack(r, st.expect, (path) => {
        r.readBack = path;
      });
    case 'create':
      return pressCreate(r);
    case 'awaitCreated':
      return awaitCreated(r);
  }
}

/**
 * Runs a plan on this page. One run at a time: a second concurrent run (or a capture) is refused.
 * Aborting the signal stops at the next wait; the outcome is then "cancelled", unless Create was
 * already pressed (a token may exist, which is said plainly).
 */
export const runPlan = (steps: readonly PlanStep[], options: RunOptions): Promise<RunOutcome> =>
  exclusive<RunOutcome>(
    () => ({
      status: 'stopped',
      step: 'setup',
      reason: 'another run is already in progress on this page',
    }),
    async () => {
      const { signal } = options;
      const r: Run = {
        ...makeCtx(LOCALES[detectLocale()], signal, options.timeout),
        createTimeout: options.createTimeout ?? 60_000,
      };
      // Where a stop is reported: plans check each wizard step (expectStep) before acting on it.
      let at: WizardStep = 'setup';
      const path = () => (r.readBack ? { readBack: r.readBack } : {});
      try {
        for (const [index, st] of steps.entries()) {
          signal.throwIfAborted();
          if (st.kind === 'expectStep') at = st.step;
          options.onProgress?.({ index, total: steps.length, step: st });
          await exec(r, st);
        }
      } catch (e) {
        if (signal.aborted && !r.pressed) return { status: 'cancelled' };
        return {
          status: 'stopped',
          step: e instanceof Stop ? e.step : at,
          reason: signal.aborted
            ? 'cancelled after Create was pressed: the token may exist, check the token list'
            : (e as Error).message,
          ...path(),
        };
      }
      if (r.created) return { status: 'created', ...path() };
      return r.pressed
        ? {
            status: 'stopped',
            step: 'create',
            reason: 'Create was pressed but not confirmed',
            ...path(),
          }
        : { status: 'ready-for-review', ...path() };
    },
  );
