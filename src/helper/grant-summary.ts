import type { Scope } from '../core/scopes';
import { t } from '../platform/i18n';

/** Categories a card names before it says "+ n more": a card is read at a glance. */
const SHOWN = 4;

/**
 * What a preset grants, in words, for its card: "Reports: all GET · Actions: 2 endpoint(s)".
 * Display only, never parsed back.
 */
export function grantSummary(scopes: readonly Scope[]): string {
  const parts = scopes.map((scope) => {
    const grants = scope.methods.map((m) => t('runGrantAllOf', m));
    if (scope.endpoints.length) grants.push(t('runGrantEndpoints', String(scope.endpoints.length)));
    return t('grantSummaryCategory', [scope.category, grants.join(', ')]);
  });
  if (!parts.length) return t('grantSummaryNone');
  const more = parts.length - SHOWN;
  return [
    ...parts.slice(0, SHOWN),
    ...(more > 0 ? [t('grantSummaryMore', String(more))] : []),
  ].join(' · ');
}
