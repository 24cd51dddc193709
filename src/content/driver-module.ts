import { buildPlan } from '../core/build-plan';
import type { RunOutcome } from '../core/protocol';
import type { TokenRequest } from '../core/token-request';
import { parseRunIn } from '../core/validate-request';
import { captureSelection } from '../page/capture';
import { type Progress, runPlan } from '../page/driver';
import { offeredScopes } from '../page/page-info';
import { pageReport, rememberRun } from '../page/page-report';
import { paintedOver } from './painted-over';

/**
 * The driver, loaded on demand (load-driver.ts): everything a run, a capture, a page report or
 * the panel's cover check needs, none of which any impact.com page load needs. The always-loaded content script keeps
 * detection, the launcher and message routing (src/page/README.md, "Budget").
 */

export { captureSelection, offeredScopes, pageReport, paintedOver, parseRunIn };

/** Runs one validated request, remembers it for the page report, and says how it ended. */
export async function runRequest(
  request: TokenRequest,
  signal: AbortSignal,
  onProgress: (progress: Progress) => void,
): Promise<RunOutcome> {
  const outcome = await runPlan(buildPlan(request).steps, { signal, onProgress });
  rememberRun(request, outcome);
  return outcome;
}
