import { useEffect, useRef, useState } from 'preact/hooks';
import type { WizardStep } from '../core/plan';
import type { RunOut, RunOutcome } from '../core/protocol';
import type { ScopeCatalog } from '../core/scopes';
import type { TokenRequest } from '../core/token-request';
import { t } from '../platform/i18n';
import { connectRun, type RunConnection } from '../platform/ports';
import { wizardStepOf } from './run-progress';
import { outcomeText, progressText } from './run-text';

/**
 * One run at a time, over the run port. The status line is the person's (and the tests') view of
 * it: progress per step, then a final sentence that ends with "Ready for review" or "Token
 * created", or begins with "Stopped:".
 */

export interface RunState {
  running: boolean;
  status: string;
  /** The wizard step the page is on, while running. */
  step?: WizardStep;
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
          setState({
            running: true,
            status: progressText(message.index, message.total, message.step),
            step: wizardStepOf(message.step),
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
