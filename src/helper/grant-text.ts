import type { Method } from '../core/scopes';

/**
 * One grant in words, for marks, warnings and stop reasons: "Actions POST" for a method grant,
 * "Actions PUT /Actions/{Id}" for a pinned endpoint. Display only, never parsed back.
 */
export const grantText = (g: { category: string; method: Method; path?: string }): string =>
  `${g.category} ${g.method}${g.path !== undefined ? ` ${g.path}` : ''}`;
