import type { CapturedSelection } from '../core/protocol';
import { detectLocale } from './detect';
import { readChoice, readEmails, textbox } from './fields';
import { LOCALES } from './locales';
import { offeredCatalog, openAccordions, readCategories, tickedCatalog } from './page-scopes';
import { currentStep, exclusive, makeCtx, move, walk } from './wizard';

/**
 * "Save page selection as preset": reads what the open wizard holds. Only the current step's
 * controls are on the page, so this walks Back to Setup and forward again to where the person
 * was, reading each step on the way (Back loses nothing; Next only re-checks what already passed).
 * It starts on the API scopes step or later, because scopes are the point of a preset.
 */
export const captureSelection = (
  signal: AbortSignal,
): Promise<CapturedSelection | { error: string }> =>
  exclusive(
    () => ({ error: 'a run is in progress on this page' }),
    async () => {
      const c = makeCtx(LOCALES[detectLocale()], signal);
      const start = currentStep(c);
      if (start !== 'scopes' && start !== 'create')
        return { error: 'open the wizard on its API scopes step first' };
      const got = { developerEmails: [] as string[] } as CapturedSelection;
      try {
        await walk(c, 'scopes', async (step) => {
          if (step === 'setup') {
            got.name = (await textbox(c, 'tokenName')).value;
            got.description = (await textbox(c, 'description')).value;
            got.version = (await readChoice(c, 'apiVersion')).match(/\d+/)?.[0] ?? '';
          } else {
            const contact = await readChoice(c, 'primaryContact');
            got.primaryContact = contact.match(/[^\s<>]+@[^\s<>]+/)?.[0] ?? contact;
            got.developerEmails = readEmails(c);
          }
        });
        // What is ticked, as shown; the helper turns it into grants (core/capture-preset.ts).
        await openAccordions(c);
        const shown = readCategories(c);
        got.ticked = tickedCatalog(shown);
        got.offered = offeredCatalog(shown);
        if (start === 'create') await move(c, 'scopes', 1);
        if (!got.ticked.length) return { error: 'no API scope is ticked' };
        return got;
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
  );
