import { buildPlan } from '../../../src/core/build-plan';
import type { RunOutcome } from '../../../src/core/protocol';
import type { TokenRequest } from '../../../src/core/token-request';
import { type Progress, runPlan } from '../../../src/page/driver';

/** A complete, valid request (what the content script has after validation). */
export const request = (over: Partial<TokenRequest> = {}): TokenRequest => ({
  name: 'Nightly sync',
  description: 'Reads reports for the warehouse',
  version: 'latest',
  primaryContact: '',
  developerEmails: [],
  scopes: [{ category: 'Reports', methods: ['GET'] }],
  mode: 'review',
  ...over,
});

/** Runs the plan for `req` against the page in this document, with short test timeouts. */
export async function run(
  req: TokenRequest,
  options: { signal?: AbortSignal; timeout?: number; onProgress?: (p: Progress) => void } = {},
): Promise<RunOutcome> {
  return runPlan(buildPlan(req).steps, {
    signal: options.signal ?? new AbortController().signal,
    timeout: options.timeout ?? 1000,
    createTimeout: 1000,
    onProgress: options.onProgress,
  });
}
