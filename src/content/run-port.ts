import type { RunOut } from '../core/protocol';
import { offeredScopes } from '../page/page-info';
import { onRunConnect } from '../platform/ports';

/**
 * Runs arrive over RUN_PORT: one `start` per port, validated by hand (zod would not fit the content
 * script's budget). Progress streams back, then one `done`. A `cancel`, or the port closing (popup
 * closed, tab navigated), aborts the run at its next wait. The driver loads on the first message
 * (src/page/on-demand.ts), not with every page.
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
      send({ type: 'done', outcome: { status: 'stopped', step: 'Setup', reason } });
    port.onDisconnect.addListener(() => abort.abort());
    port.onMessage.addListener(async (raw: unknown) => {
      const { parseRunIn, buildPlan, describeStep, runPlan } = await import('../page/on-demand');
      const message = parseRunIn(raw);
      if (!message.ok) return refuse(`invalid message: ${message.error}`);
      if (message.value.type === 'cancel') return abort.abort();
      if (started) return refuse('this port already started a run');
      started = true;
      const outcome = await runPlan(buildPlan(message.value.request).steps, {
        signal: abort.signal,
        onProgress: ({ index, total, step }) =>
          send({ type: 'progress', index, total, label: describeStep(step) }),
      });
      send({ type: 'done', outcome, offered: offeredScopes() });
    });
  });
}
