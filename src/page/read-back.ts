import type { ReadBackExpectation, WizardStep } from '../core/plan';
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
import { norm } from './text';
import { type Ctx, Stop, walk } from './wizard';

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

export async function readBack(c: Ctx, expect: ReadBackExpectation): Promise<void> {
  const byStep = checks(c, expect);
  let refilled = false;
  const pass = (mayFix: boolean) =>
    walk(c, 'create', async (step) => {
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
    });
  await pass(true);
  if (refilled) await pass(false);
}
