import {
  type ReadBackExpectation,
  type ReadBackPath,
  WIZARD_STEPS,
  type WizardStep,
} from '../core/plan';
import { grantLabels } from '../core/scope-model';
import {
  choiceShows,
  chooseField,
  fieldName,
  fillText,
  readChoice,
  readEmails,
  sameText,
  setEmails,
  textbox,
} from './fields';
import { applyScopes, openAccordions, scopeDifferences } from './page-scopes';
import { readSummary } from './summary-read-back';
import { norm } from './text';
import { type Ctx, currentStep, expectStep, move, Stop, walk } from './wizard';

/**
 * Read-back before Create: what the page will submit must be exactly what was asked.
 *
 * First from the Create step's summary (summary-read-back.ts), the page's own statement of what
 * it will create, read where the page already is. A summary that is absent, or any part of it
 * that cannot be read unambiguously, means the walk instead: Back to Setup and forward again,
 * reading each step's live controls just before leaving it (the very state the page submits, in
 * the DOM it last mounted: a step that rebuilds its DOM, or resets a field on mount, is read
 * after that).
 *
 * Late resets: a value the page reset after the driver left its step shows in the summary too.
 * A difference found there sends the driver back to the earliest step that differs; from there
 * each step is read and what differs is filled once more (still differing: the run stops), then
 * the summary is read again, and a second difference stops the run naming the field. In the
 * walk, a difference is filled once more and read again; if it still differs, the run stops
 * naming the step, the field, what the page shows and what was asked. A page that reset
 * something once may do it again after we looked, so when anything was refilled the whole walk
 * is repeated, this time without refilling: any difference then stops.
 */

interface Check {
  what: string;
  read: () => Promise<string>;
  ok: (shown: string) => boolean;
  fix: () => Promise<unknown>;
  want: string;
  /** The stop's wording when `read` already says what differs. */
  differs?: (shown: string) => string;
}

const sorted = (list: string[]) => list.map(norm).sort().join(', ');

function checks(c: Ctx, e: ReadBackExpectation): Partial<Record<WizardStep, Check[]>> {
  const text = (field: 'tokenName' | 'description', want: string): Check => ({
    what: fieldName(field),
    read: async () => (await textbox(c, field)).value,
    ok: (shown) => sameText(shown, want),
    fix: () => fillText(c, field, want),
    want,
  });
  const choice = (field: 'apiVersion' | 'primaryContact', want: string): Check => ({
    what: fieldName(field),
    read: () => readChoice(c, field),
    ok: (shown) => choiceShows(c, field, want, shown),
    fix: () => chooseField(c, field, want),
    want,
  });
  return {
    setup: [
      text('tokenName', e.tokenName),
      text('description', e.description),
      choice('apiVersion', e.apiVersion),
    ],
    contact: [
      choice('primaryContact', e.primaryContact),
      {
        what: fieldName('developerEmails'),
        read: async () => sorted(readEmails(c)),
        ok: (shown) => shown === sorted(e.developerEmails),
        fix: () => setEmails(c, e.developerEmails, true),
        want: sorted(e.developerEmails),
      },
    ],
    scopes: [
      {
        what: 'API scopes',
        // The exact set of ticked rows, compared on the page (a method grant means the rows of
        // that method the category shows there); what differs, in words, or '' when nothing.
        read: async () => {
          await openAccordions(c);
          return scopeDifferences(c, e.scopes).join('; ');
        },
        ok: (shown) => shown === '',
        fix: () => applyScopes(c, e.scopes),
        want: grantLabels(e.scopes).join(', '),
        differs: (shown) => `API scopes differ from the request: ${shown}`,
      },
    ],
  };
}

/** Reads each of `step`'s checks; with `mayFix`, fills a difference once and reads it again. */
async function verify(
  byStep: Partial<Record<WizardStep, Check[]>>,
  step: WizardStep,
  mayFix: boolean,
): Promise<boolean> {
  let refilled = false;
  for (const check of byStep[step] ?? []) {
    let shown = await check.read();
    if (check.ok(shown)) continue;
    if (mayFix) {
      await check.fix();
      shown = await check.read();
      refilled = true;
    }
    if (!check.ok(shown))
      throw new Stop(
        step,
        check.differs?.(shown) ?? `${check.what} is '${shown}', expected '${check.want}'`,
      );
  }
  return refilled;
}

/** Today's walk: Back to Setup, every step read (and filled once more where it differs). */
async function walkBack(c: Ctx, byStep: Partial<Record<WizardStep, Check[]>>): Promise<void> {
  let refilled = false;
  const pass = (mayFix: boolean) =>
    walk(c, 'create', async (step) => {
      if (await verify(byStep, step, mayFix)) refilled = true;
    });
  await pass(true);
  if (refilled) await pass(false);
}

/**
 * From the Create step Back to `from`, then forward to Create, each step on the way read and
 * filled once more where it differs (a difference that stays stops the run).
 */
async function refillFrom(
  c: Ctx,
  byStep: Partial<Record<WizardStep, Check[]>>,
  from: WizardStep,
): Promise<void> {
  for (let at = currentStep(c); at && at !== from; at = currentStep(c)) await move(c, at, -1);
  for (const step of WIZARD_STEPS.slice(WIZARD_STEPS.indexOf(from), -1)) {
    await expectStep(c, step);
    try {
      await verify(byStep, step, true);
    } catch (e) {
      throw e instanceof Stop || c.signal.aborted ? e : new Stop(step, (e as Error).message);
    }
    await move(c, step, 1);
  }
  await expectStep(c, 'create');
}

/**
 * Checks what the page will create against `expect`. `onPath` hears which way it reads, as soon
 * as that is decided (so a stop on the way still says it).
 */
export async function readBack(
  c: Ctx,
  expect: ReadBackExpectation,
  onPath: (path: ReadBackPath) => void = () => {},
): Promise<ReadBackPath> {
  const byStep = checks(c, expect);
  const first = readSummary(c, expect);
  onPath(first ? 'summary' : 'walk');
  if (!first) {
    await walkBack(c, byStep);
    return 'walk';
  }
  if (!first.length) return 'summary';
  const earliest = WIZARD_STEPS.find((step) => first.some((d) => d.step === step)) ?? 'setup';
  await refillFrom(c, byStep, earliest);
  const second = readSummary(c, expect);
  if (!second) {
    // Readable before, not now: the page changed its summary; the steps themselves decide.
    onPath('walk');
    await walkBack(c, byStep);
    return 'walk';
  }
  const [still] = second;
  if (still) throw new Stop(still.step, still.reason);
  return 'summary';
}
