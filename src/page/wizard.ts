import { WIZARD_STEPS, type WizardStep } from '../core/plan';
import { contentText } from './accessible-name';
import { ready } from './actions';
import type { PageStrings } from './locales';
import { DEFAULT_TIMEOUT, getOne, queryAll, visible, type WaitOptions, waitFor } from './locate';
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

export const opts = (c: Ctx, timeout = c.timeout): WaitOptions => ({ signal: c.signal, timeout });

/** English step names for outcomes: stable data; the helper UI localizes them. */
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
export const isBusy = (): boolean => busy;
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

export const wizard = (c: Ctx): Element =>
  getOne(document, 'dialog', (n) => hasAny(n, c.s.opener), `${c.s.opener[0]} dialog`);

/** The step the indicator marks with aria-current="step", if exactly one wizard shows one. */
export function currentStep(c: Ctx): WizardStep | undefined {
  const [w, more] = wizards(c.s);
  if (!w || more) return;
  const marks = [...w.querySelectorAll('[aria-current=step]')].filter(visible);
  const text = marks.length === 1 ? contentText(marks[0] as Element) : '';
  return text ? WIZARD_STEPS.find((st) => hasAny(text, c.s.steps[st])) : undefined;
}

/** The page's own validation words (role=alert inside the wizard), '' when there are none. */
export const alertText = (c: Ctx): string =>
  wizards(c.s)
    .flatMap((w) => queryAll(w, 'alert'))
    .map((a) => squash(contentText(a)))
    .filter(Boolean)
    .join(' ');

/**
 * Presses Next (dir 1) or Back (-1) on step `from` and waits until the indicator moves. An alert
 * instead (empty field, duplicate name, no scope) stops the run in the page's words.
 */
export async function move(c: Ctx, from: WizardStep, dir: 1 | -1): Promise<void> {
  const to = WIZARD_STEPS[WIZARD_STEPS.indexOf(from) + dir];
  const names = dir > 0 ? c.s.next : c.s.back;
  const button = getOne(wizard(c), 'button', names);
  try {
    ready(button, names[0] as string).click();
  } catch (e) {
    throw new Stop(from, alertText(c) || (e as Error).message);
  }
  const now = await waitFor(
    () => {
      const step = currentStep(c);
      if (step && step !== from) return step;
      const alert = alertText(c);
      if (alert) throw new Stop(from, alert);
    },
    opts(c),
    () => new Stop(from, `${names[0]} did not leave ${STEP_LABEL[from]}`),
  );
  if (now !== to)
    throw new Stop(
      from,
      `expected ${to && STEP_LABEL[to]} after ${names[0]}, page shows ${STEP_LABEL[now]}`,
    );
}

/** Walks Back to Setup (a wizard left open at a later step, or read-back's second pass). */
export async function toSetup(c: Ctx): Promise<void> {
  for (let step = currentStep(c); step && step !== 'setup'; step = currentStep(c)) {
    await move(c, step, -1);
  }
}

/** Waits for the indicator to show `step`. */
export const expectStep = (c: Ctx, step: WizardStep): Promise<unknown> =>
  waitFor(
    () => currentStep(c) === step,
    opts(c),
    () => {
      const now = currentStep(c);
      return new Stop(
        step,
        `expected the ${STEP_LABEL[step]} step, page shows ${now ? STEP_LABEL[now] : 'no wizard step'}`,
      );
    },
  );
