/**
 * A fake content script for one tab: answers getPageInfo, captureSelection, pageReport and closePanel, and
 * carries out runs on the run port by replying with scripted progress and an outcome (reporting a
 * created token to the background first, as src/content/run-port.ts does). It records what it was asked to
 * do (the expanded request), which is the outcome the helper tests check.
 */

import type { PlanStep } from '../../../src/core/plan';
import type {
  CapturedSelection,
  CreatedTokenReport,
  PageInfo,
  RunOut,
  RunOutcome,
} from '../../../src/core/protocol';
import type { TokenRequest } from '../../../src/core/token-request';
import type { FakeBrowser, FakePort } from './browser';

export interface FakePageOptions {
  info: PageInfo;
  /** What a run ends with; default: ready for review (review mode) or created (create mode). */
  outcome?: RunOutcome | ((request: TokenRequest) => RunOutcome);
  /** Plan steps reported as progress before the outcome (the helper words them). */
  steps?: PlanStep[];
  /** When true the run never finishes by itself (to test Cancel). */
  hang?: boolean;
  /** What captureSelection answers (default: "open the wizard" error). */
  capture?: CapturedSelection | { error: string };
  /** What pageReport answers (default: no answer, as a content script that is gone). */
  report?: string;
}

export interface FakePage {
  requests: TokenRequest[];
  cancelled: number;
  panelClosed: number;
  info: PageInfo;
}

export function installFakePage(b: FakeBrowser, tabId: number, options: FakePageOptions): FakePage {
  const page: FakePage = { requests: [], cancelled: 0, panelClosed: 0, info: options.info };
  b.tabs.contentHandlers.set(tabId, (message) => {
    const { type } = message as { type: string };
    if (type === 'getPageInfo') return page.info;
    if (type === 'captureSelection')
      return options.capture ?? { error: 'open the wizard on its API scopes step first' };
    if (type === 'pageReport') return options.report;
    if (type === 'closePanel') {
      page.panelClosed++;
      return null;
    }
    return undefined;
  });
  b.tabs.contentConnect.set(tabId, (port: FakePort) => {
    port.onMessage.addListener((raw) => {
      const message = raw as { type: string; request?: TokenRequest };
      if (message.type === 'cancel') {
        page.cancelled++;
        return;
      }
      if (message.type !== 'start' || !message.request) return;
      const request = message.request;
      page.requests.push(request);
      const steps = options.steps ?? [
        { kind: 'expectStep', step: 'setup' },
        { kind: 'expectStep', step: 'contact' },
        { kind: 'expectStep', step: 'scopes' },
      ];
      for (const [index, step] of steps.entries()) {
        port.postMessage({ type: 'progress', index, total: steps.length, step } satisfies RunOut);
      }
      if (options.hang) return;
      const outcome =
        typeof options.outcome === 'function'
          ? options.outcome(request)
          : (options.outcome ??
            (request.mode === 'create' ? { status: 'created' } : { status: 'ready-for-review' }));
      // As src/content/run-port.ts does: a created token is reported to the background first.
      if (outcome.status === 'created' && page.info.kind) {
        const entry: CreatedTokenReport = {
          name: request.name,
          version: request.version,
          scopes: request.scopes,
          account: page.info.account ?? '',
          accountKind: page.info.kind,
          time: new Date().toISOString(),
          mode: request.mode,
        };
        void b.runtime
          .sendMessageAs({ tab: { id: tabId } }, { type: 'tokenCreated', data: { entry } })
          .catch(() => {});
      }
      port.postMessage({ type: 'done', outcome } satisfies RunOut);
    });
  });
  return page;
}
