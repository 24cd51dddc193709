import { WIZARD_STEPS, type WizardStep } from '../core/plan';
import { contentText } from './accessible-name';
import { usable } from './actions';
import type { PageStrings } from './locales';
import { DEFAULT_TIMEOUT, one, queryAll, visible, waitFor } from './locate';
import { hasAny, squash } from './text';

/** The open wizard: finding it, knowing its step, moving between steps, reading its alerts. */

/** One run's (or capture's) view of the page. */
export interface Ctx {
  s: PageStrings;
  signal: AbortSignal;
  timeout: number;
}

export const makeCtx = (s: PageStrings, signal: AbortSignal, timeout = DEFAULT_TIMEOUT): Ctx => ({
  s,
  signal,
  timeout,
});

/**
 * English step names inside the driver's stop reasons (which are English, like the page's own
 * alerts are in its language); the outcome itself carries the WizardStep id, which the helper words.
 */
export const STEP_LABEL: Record<WizardStep, string> = {
  setup: 'Setup',
  contact: 'Contact information',
  scopes: 'API scopes',
  create: 'Create',
};

/** A refusal at a wizard step, in words a person can act on. */
export class Stop extends Error {
  constructor(
    readonly step: WizardStep,
    reason: string,
  ) {
    super(reason);
  }
}

/** One page change at a time: a run or a capture. */
let busy = false;
export async function exclusive<T>(refused: () => T, work: () => Promise<T>): Promise<T> {
  if (busy) return refused();
  busy = true;
  try {
    return await work();
  } finally {
    busy = false;
  }
}

export const wizards = (s: PageStrings): Element[] =>
  queryAll(document, 'dialog', (n) => hasAny(n, s.opener));

export const wizard = (c: Ctx): Element => one(wizards(c.s), `${c.s.opener[0]} dialog`);

/**
 * The step the one open wizard shows: the indicator item marked aria-current="step", else the
 * selected tab (a tablist used as the indicator), else the one heading that is exactly a step
 * name (indicators that mark the step by styling alone, like MUI Stepper or Ant Design Steps).
 */
export function currentStep(c: Ctx): WizardStep | undefined {
  const [w, more] = wizards(c.s);
  if (!w || more) return;
  const current = [...w.querySelectorAll('[aria-current=step]')].filter(visible);
  const marks = current.length
    ? current
    : queryAll(w, 'tab').filter((t) => t.getAttribute('aria-selected') === 'true');
  const text = marks.length === 1 ? contentText(marks[0] as Element) : '';
  if (marks.length) return WIZARD_STEPS.find((st) => text && hasAny(text, c.s.steps[st]));
  const headed = WIZARD_STEPS.filter((st) => queryAll(w, 'heading', c.s.steps[st]).length);
  return headed.length === 1 ? headed[0] : undefined;
}

/** The page's own validation words (role=alert inside the wizard), '' when there are none. */
export const alertText = (c: Ctx): string =>
  wizards(c.s)
    .flatMap((w) => queryAll(w, 'alert'))
    .map((a) => squash(contentText(a)))
    .filter(Boolean)
    .join(' ');

/** Throws the page's alert as a stop at `step`, if there is one. */
export const checkAlert = (c: Ctx, step: WizardStep): void => {
  const alert = alertText(c);
  if (alert) throw new Stop(step, alert);
};

/**
 * Presses Next (dir 1) or Back (-1) on step `from` once it is enabled (the page may still be
 * loading), then waits until the indicator moves. An alert instead (empty field, duplicate name,
 * no scope) stops the run in the page's words.
 */
export async function move(c: Ctx, from: WizardStep, dir: 1 | -1): Promise<void> {
  const to = WIZARD_STEPS[WIZARD_STEPS.indexOf(from) + dir] as WizardStep;
  const names = dir > 0 ? c.s.next : c.s.back;
  const what = `${names[0]} (button)`;
  const fail = (reason: string) => () => new Stop(from, alertText(c) || reason);
  const button = await waitFor(
    () => {
      checkAlert(c, from);
      const [b, more] = queryAll(wizard(c), 'button', names);
      return !more && usable(b) && b;
    },
    c,
    fail(`${what} is not available`),
  );
  button.click();
  const now = await waitFor(
    () => {
      const step = currentStep(c);
      if (step && step !== from) return step;
      checkAlert(c, from);
    },
    c,
    fail(`${names[0]} did not leave ${STEP_LABEL[from]}`),
  );
  if (now !== to)
    throw new Stop(
      from,
      `expected ${STEP_LABEL[to]} after ${names[0]}, page shows ${STEP_LABEL[now]}`,
    );
}

/** Waits for the indicator to show `step`. */
export const expectStep = (c: Ctx, step: WizardStep): Promise<unknown> =>
  waitFor(
    () => currentStep(c) === step,
    c,
    () => {
      const now = currentStep(c);
      return new Stop(
        step,
        `expected the ${STEP_LABEL[step]} step, page shows ${now ? STEP_LABEL[now] : 'no wizard step'}`,
      );
    },
  );

/** Walks Back to Setup (a wizard left open at a later step, or before reading every step). */
export async function toSetup(c: Ctx): Promise<void> {
  for (let step = currentStep(c); step && step !== 'setup'; step = currentStep(c))
    await move(c, step, -1);
  await expectStep(c, 'setup');
}

/**
 * Back to Setup, then forward to `until`, calling `visit` on each step on the way just before
 * leaving it: only the current step's controls exist, so this is how every step gets read.
 * A non-stop error inside `visit` is reported at the step it happened on.
 */
export async function walk(
  c: Ctx,
  until: WizardStep,
  visit: (step: WizardStep) => Promise<unknown>,
): Promise<void> {
  await toSetup(c);
  for (const step of WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(until))) {
    await expectStep(c, step);
    try {
      await visit(step);
    } catch (e) {
      throw e instanceof Stop || c.signal.aborted ? e : new Stop(step, (e as Error).message);
    }
    await move(c, step, 1);
  }
  await expectStep(c, until);
}
