import type { CapturedSelection } from '../core/protocol';
import type { Method, Scope } from '../core/scopes';
import { detectLocale } from './detect';
import { readChoice, readTags, textbox } from './fields';
import { LOCALES } from './locales';
import { readScopes } from './page-scopes';
import { currentStep, exclusive, expectStep, makeCtx, move, toSetup } from './wizard';

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
      try {
        await toSetup(c);
        await expectStep(c, 'setup');
        const name = (await textbox(c, 'tokenName')).value;
        const description = (await textbox(c, 'description')).value;
        const version = (await readChoice(c, 'apiVersion')).match(/\d+/)?.[0] ?? '';
        await move(c, 'setup', 1);
        const contact = await readChoice(c, 'primaryContact');
        const developerEmails = readTags(c).map((t) => t.email);
        await move(c, 'contact', 1);
        const scopes = new Map<string, Method[]>();
        // Only clean grants: readScopes marks odd states ("(category off)") so they never match.
        for (const k of readScopes(c)) {
          const [, category, method] = k.match(/^(.+) (GET|POST|PUT|DELETE)$/) ?? [];
          if (category) scopes.set(category, [...(scopes.get(category) ?? []), method as Method]);
        }
        if (!scopes.size) return { error: 'no API scope is ticked' };
        if (start === 'create') await move(c, 'scopes', 1);
        return {
          name,
          description,
          version,
          primaryContact: contact.match(/[^\s<>]+@[^\s<>]+/)?.[0] ?? contact,
          developerEmails,
          scopes: [...scopes].map(([category, methods]): Scope => ({ category, methods })),
        };
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
  );
