import { useEffect, useRef, useState } from 'preact/hooks';
import { describeStep } from '../core/build-plan';
import type { RunOut, RunOutcome } from '../core/protocol';
import type { ScopeCatalog } from '../core/scopes';
import type { TokenRequest } from '../core/token-request';
import { t } from '../platform/i18n';
import { connectRun, type RunConnection } from '../platform/ports';

/**
 * One run at a time, over the run port. The status line is the person's (and the tests') view of
 * it: progress per step, then a final sentence that ends with "Ready for review" or "Token
 * created", or begins with "Stopped:".
 */

const STEP_KEYS: Record<string, string> = {
  setup: 'stepSetup',
  contact: 'stepContact',
  scopes: 'stepScopes',
  create: 'stepCreate',
  // The page driver reports its English step labels (src/page/wizard.ts STEP_LABEL).
  Setup: 'stepSetup',
  'Contact information': 'stepContact',
  'API scopes': 'stepScopes',
  Create: 'stepCreate',
};

/** A wizard step (id or English label) in the person's language; anything else is shown as given. */
export const stepName = (step: string): string => (STEP_KEYS[step] ? t(STEP_KEYS[step]) : step);

export function outcomeText(outcome: RunOutcome): string {
  switch (outcome.status) {
    case 'ready-for-review':
      return t('runReady');
    case 'created':
      return t('runCreated');
    case 'cancelled':
      return t('runCancelled');
    case 'stopped':
      return t('runStopped', [stepName(outcome.step), outcome.reason]);
  }
}

export interface RunState {
  running: boolean;
  status: string;
  outcome?: RunOutcome;
}

export function useRun(onOffered: (offered: ScopeCatalog) => void) {
  const [state, setState] = useState<RunState>({ running: false, status: '' });
  const connection = useRef<RunConnection | undefined>(undefined);
  const offered = useRef(onOffered);
  offered.current = onOffered;

  // Closing the helper (popup closed, panel hidden) cancels the run: the port goes with it.
  useEffect(() => () => connection.current?.close(), []);

  const finish = (status: string, outcome?: RunOutcome) => {
    connection.current?.close();
    connection.current = undefined;
    setState({ running: false, status, ...(outcome ? { outcome } : {}) });
  };

  const start = (tabId: number, request: TokenRequest) => {
    connection.current?.close();
    setState({ running: true, status: t('runStarting') });
    const conn = connectRun(tabId, {
      onMessage(message: RunOut) {
        if (connection.current !== conn) return;
        if (message.type === 'progress') {
          const step = Math.min(message.index + 1, message.total);
          setState({
            running: true,
            status: t('runStep', [String(step), String(message.total), describeStep(message.step)]),
          });
        } else if (message.type === 'done') {
          if (message.offered?.length) offered.current(message.offered);
          finish(outcomeText(message.outcome), message.outcome);
        }
      },
      onLost() {
        if (connection.current === conn) finish(t('runLost'));
      },
    });
    connection.current = conn;
    conn.start(request);
  };

  const cancel = () => {
    if (!connection.current) return;
    connection.current.cancel();
    finish(t('runCancelled'), { status: 'cancelled' });
  };

  /** A run refused before it reached the page (the form is not valid). */
  const refuse = (status: string) => setState({ running: false, status });

  return { ...state, start, cancel, refuse };
}
