import { buildPlan } from '../core/build-plan';
import type { RunOut } from '../core/protocol';
import type { TokenRequest } from '../core/token-request';
import { parseRunIn } from '../core/validate-request';
import { runPlan } from '../page/driver';
import { offeredScopes, readPageInfo } from '../page/page-info';
import { rememberRun } from '../page/page-report';
import { sendToRuntime } from '../platform/messaging';
import { onRunConnect } from '../platform/ports';

/**
 * Runs arrive over RUN_PORT: one `start` per port, validated by hand (zod would not fit the content
 * script's budget). Progress streams back, then one `done`. A `cancel`, or the port closing (popup
 * closed, tab navigated), aborts the run at its next wait.
 */
export function serveRunPorts(): () => void {
  return onRunConnect((port) => {
    const abort = new AbortController();
    let started = false;
    const send = (message: RunOut) => {
      try {
        port.postMessage(message);
      } catch {
        // The helper went away; the run is being aborted through onDisconnect.
      }
    };
    const refuse = (reason: string) =>
      send({ type: 'done', outcome: { status: 'stopped', step: 'setup', reason } });
    port.onDisconnect.addListener(() => abort.abort());
    port.onMessage.addListener(async (raw: unknown) => {
      const message = parseRunIn(raw);
      if (!message.ok) return refuse(`invalid message: ${message.error}`);
      if (message.value.type === 'cancel') return abort.abort();
      if (started) return refuse('this port already started a run');
      started = true;
      const outcome = await runPlan(buildPlan(message.value.request).steps, {
        signal: abort.signal,
        onProgress: (progress) => send({ type: 'progress', ...progress }),
      });
      rememberRun(message.value.request, outcome);
      if (outcome.status === 'created') reportCreated(message.value.request);
      send({ type: 'done', outcome, offered: offeredScopes() });
    });
  });
}

/**
 * The audit log is kept by the background, not the helper: the helper may already be gone when
 * the page confirms (a popup closes as soon as it loses focus). Names and scopes only; the driver
 * never reads the token's secret.
 */
function reportCreated(request: TokenRequest): void {
  const info = readPageInfo();
  if (!info.kind) return;
  sendToRuntime('tokenCreated', {
    entry: {
      name: request.name,
      version: request.version,
      scopes: request.scopes,
      account: info.account ?? '',
      accountKind: info.kind,
      time: new Date().toISOString(),
      mode: request.mode,
    },
  }).catch(() => {});
}
