import type { ReadBackExpectation, WizardStep } from '../core/plan';
import {
  choiceShows,
  chooseField,
  FIELD_STEP,
  fieldName,
  fillText,
  readChoice,
  readTags,
  sameText,
  setEmails,
  textbox,
} from './fields';
import { applyScopes, readScopes } from './page-scopes';
import { norm } from './text';
import { type Ctx, expectStep, move, Stop, toSetup } from './wizard';

/**
 * Read-back before Create: what the page will submit must be exactly what was asked.
 *
 * Design: the Create step's summary has no documented shape, so it is not trusted. Instead the
 * driver goes Back to Setup and walks forward again, reading each step's live controls just
 * before leaving it: the very state the page submits, in the DOM it last mounted (a step that
 * rebuilds its DOM, or resets a field on mount, is read after that).
 *
 * Late resets: a difference found in that walk is filled once more and read again; if it still
 * differs, the run stops naming the step, the field, what the page shows and what was asked.
 * A page that reset something once may do it again after we looked, so when anything was
 * refilled the whole walk is repeated, this time without refilling: any difference then stops.
 */

interface Check {
  what: string;
  read: () => Promise<string>;
  ok: (shown: string) => boolean;
  fix: () => Promise<unknown>;
  want: string;
  /** The stop's reason, when "X is 'a', expected 'b'" would not say it well. */
  explain?: () => string;
}

/** True when it had to refill. Without `mayFix`, any difference stops. */
async function settle(step: WizardStep, check: Check, mayFix: boolean): Promise<boolean> {
  let shown = await check.read();
  if (check.ok(shown)) return false;
  if (mayFix) {
    await check.fix();
    shown = await check.read();
  }
  if (!check.ok(shown))
    throw new Stop(
      step,
      check.explain?.() ?? `${check.what} is '${shown}', expected '${check.want}'`,
    );
  return true;
}

const text = (c: Ctx, field: 'tokenName' | 'description', want: string): Check => ({
  what: fieldName(field),
  read: async () => (await textbox(c, field)).value,
  ok: (shown) => sameText(shown, want),
  fix: () => fillText(c, field, want),
  want,
});

const choice = (c: Ctx, field: 'apiVersion' | 'primaryContact', want: string): Check => ({
  what: fieldName(field),
  read: () => readChoice(c, field),
  ok: (shown) => choiceShows(c, field, want, shown),
  fix: () => chooseField(c, field, want),
  want,
});

const sorted = (list: string[]) => list.map(norm).sort().join(', ');

/** Describes how the granted scopes differ: missing ones first, then extra ones. */
function scopeDiff(shown: string[], want: string[]): string {
  const has = (list: string[], k: string) => list.some((x) => norm(x) === norm(k));
  const missing = want.filter((k) => !has(shown, k)).map((k) => `${k} is not ticked`);
  const extra = shown.filter((k) => !has(want, k)).map((k) => `${k} was not requested`);
  return [...missing, ...extra].join('; ');
}

/** Runs each check of one step, then Next. Errors of any kind are reported at that step. */
async function verifyStep(
  c: Ctx,
  step: WizardStep,
  mayFix: boolean,
  checks: Check[],
): Promise<boolean> {
  await expectStep(c, step);
  let fixed = false;
  try {
    for (const check of checks) fixed = (await settle(step, check, mayFix)) || fixed;
  } catch (e) {
    throw e instanceof Stop || c.signal.aborted ? e : new Stop(step, (e as Error).message);
  }
  await move(c, step, 1);
  return fixed;
}

export async function readBack(c: Ctx, expect: ReadBackExpectation): Promise<void> {
  if (await walk(c, expect, true)) await walk(c, expect, false);
}

/** One walk from Setup to Create; true when something had to be refilled. */
async function walk(c: Ctx, expect: ReadBackExpectation, mayFix: boolean): Promise<boolean> {
  await toSetup(c);
  const setup = await verifyStep(c, FIELD_STEP.tokenName, mayFix, [
    text(c, 'tokenName', expect.tokenName),
    text(c, 'description', expect.description),
    choice(c, 'apiVersion', expect.apiVersion),
  ]);
  const contact = await verifyStep(c, 'contact', mayFix, [
    choice(c, 'primaryContact', expect.primaryContact),
    {
      what: fieldName('developerEmails'),
      read: async () => sorted(readTags(c).map((t) => t.email)),
      ok: (shown) => shown === sorted(expect.developerEmails),
      fix: () => setEmails(c, expect.developerEmails, true),
      want: sorted(expect.developerEmails),
    },
  ]);
  const want = expect.scopes;
  const scopes = await verifyStep(c, 'scopes', mayFix, [
    {
      what: 'API scopes',
      read: async () => sorted(readScopes(c)),
      ok: (shown) => shown === sorted(want),
      fix: () => applyScopes(c, want),
      want: sorted(want),
      explain: () => scopeDiff(readScopes(c), want),
    },
  ]);
  await expectStep(c, 'create');
  return setup || contact || scopes;
}
