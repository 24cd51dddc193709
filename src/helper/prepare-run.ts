import type { PageInfo } from '../core/protocol';
import { publicCatalog } from '../core/public-catalog';
import { scopeDrift, withSummaries } from '../core/scope-catalog';
import type { RunMode, TokenRequest } from '../core/token-request';
import { t } from '../platform/i18n';
import { checkForm, type FormState, requestFromForm } from './form';
import { grantText } from './grant-text';
import type { ShownCatalog } from './shown-catalog';

/**
 * A form (edited, or a preset's as saved) as the request one run sends to the page, or the
 * sentence that says why it cannot be run, worded as the page driver words a stop so that the
 * reason reads the same whoever found it.
 */
export function prepareRun(
  form: FormState,
  context: {
    mode: RunMode;
    presetName: string;
    page: PageInfo | undefined;
    shown: ShownCatalog;
    now: Date;
  },
): { ok: true; request: TokenRequest } | { ok: false; refusal: string } {
  const refuse = (refusal: string) => ({ ok: false as const, refusal });
  const check = checkForm(form);
  if (check.unknownPlaceholders.length)
    return refuse(t('runInvalid', t('templateUnknown', check.unknownPlaceholders.join(', '))));
  if (check.invalidEmails.length)
    return refuse(t('runInvalid', t('invalidEmail', check.invalidEmails.join(', '))));
  if (check.noScopes) return refuse(t('runStopped', [t('stepScopes'), t('noScopes')]));
  const { shown } = context;
  // The open page's list is known: name a missing grant now, not halfway through the wizard.
  // (A list seen earlier may be out of date: the run itself finds out, and records the new one.)
  const summaries = publicCatalog(shown.kind);
  const missing =
    shown.source === 'page' ? scopeDrift(form.scopes, shown.catalog, summaries)[0] : undefined;
  if (missing)
    return refuse(t('runStopped', [t('stepScopes'), t('grantNotOffered', grantText(missing))]));
  // Pinned endpoints carry their summaries, the page's first, so a page that shows endpoints
  // by summary only can be matched too.
  const scopes = withSummaries(withSummaries(form.scopes, shown.catalog), summaries);
  const request = requestFromForm(
    { ...form, scopes },
    {
      presetName: context.presetName,
      account: context.page?.account,
      mode: context.mode,
      now: context.now,
    },
  );
  if (request.ok) return { ok: true, request: request.value };
  return refuse(
    t(
      'runInvalid',
      request.error === 'unknown-placeholder'
        ? t('templateUnknown', request.placeholders.join(', '))
        : request.error === 'account-unknown'
          ? t('templateAccountUnknown')
          : request.detail,
    ),
  );
}
