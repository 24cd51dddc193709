import { buildPlan } from '../../../src/core/build-plan';
import type { RunOutcome } from '../../../src/core/protocol';
import {
  type TokenRequest,
  type TokenRequestInput,
  TokenRequestSchema,
} from '../../../src/core/token-request';
import { type Progress, runPlan } from '../../../src/page/driver';

/** A complete, valid request (what the content script has after validation). */
export const request = (over: Partial<TokenRequestInput> = {}): TokenRequest => {
  const base = {
    name: 'Nightly sync',
    description: 'Reads reports for the warehouse',
    version: 'latest',
    primaryContact: '',
    developerEmails: [],
    scopes: [{ category: 'Reports', methods: ['GET'] }],
    mode: 'review',
    ...over,
  } as const;
  // Only the scopes are parsed (defaults filled): tests also send what the page must refuse,
  // such as an address the schema would not let through.
  return { ...base, scopes: TokenRequestSchema.shape.scopes.parse(base.scopes) } as TokenRequest;
};

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
