import type { RunOut } from '../core/protocol';
import type { TokenRequest } from '../core/token-request';
import { readPageInfo } from '../page/page-info';
import { sendToRuntime } from '../platform/messaging';
import { onRunConnect } from '../platform/ports';
import { loadDriver } from './load-driver';

/**
 * Runs arrive over RUN_PORT: one `start` per port, validated by hand (zod would not fit the content
 * script's budget) in the on-demand driver (load-driver.ts). Progress streams back, then one `done`. A `cancel`, or the port closing (popup
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
      // Messages keep their order: every one waits for the same load.
      const driver = await loadDriver().catch(() => undefined);
      if (!driver) return refuse('the page driver could not be loaded; reload the page');
      const message = driver.parseRunIn(raw);
      if (!message.ok) return refuse(`invalid message: ${message.error}`);
      if (message.value.type === 'cancel') return abort.abort();
      if (started) return refuse('this port already started a run');
      started = true;
      const outcome = await driver.runRequest(message.value.request, abort.signal, (progress) =>
        send({ type: 'progress', ...progress }),
      );
      if (outcome.status === 'created') reportCreated(message.value.request);
      send({ type: 'done', outcome, offered: driver.offeredScopes() });
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
