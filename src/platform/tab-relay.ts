import type { Runtime } from 'webextension-polyfill';
import { RUN_PORT } from '../core/protocol';
import { ext as browser } from './ext';
import { fromExtensionPage, mayReach } from './senders';

/**
 * Firefox gives an extension page framed inside a web page (the in-page panel) only the content
 * script's APIs: no `tabs` (w3c/webextensions#787; Mozilla's advice is to go through the
 * background). Without this relay the panel could not ask its own tab's content script anything
 * and showed "This tab is not an impact.com API settings page" on the API page. Chrome gives the
 * frame `tabs`, so there the calls go direct and the relay is never used.
 *
 * The background answers only extension pages (sender.url on the extension's origin): content
 * scripts and web pages cannot use it to reach other tabs. An extension page in a frame (the
 * panel, or a helper frame a page planted) reaches only the tab it sits in.
 */

const RELAY = 'impact-token-helper:tab-relay';
const RELAY_PORT = 'impact-token-helper:run-relay:';

/** Whether this context has the tabs API (false in Firefox's in-page panel). */
export const hasTabsApi = (): boolean => typeof browser.tabs?.sendMessage === 'function';

type RelayRequest = { type: typeof RELAY; op: 'message'; tabId: number; message: unknown };
type RelayAnswer = { ok: true; value: unknown } | { ok: false; error: string };

/** tabs.sendMessage through the background; rejects like tabs.sendMessage when nobody answers. */
export async function relayToTab(tabId: number, message: unknown): Promise<unknown> {
  const answer = (await browser.runtime.sendMessage({
    type: RELAY,
    op: 'message',
    tabId,
    message,
  } satisfies RelayRequest)) as RelayAnswer | undefined;
  if (!answer) throw new Error('the background did not answer');
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** tabs.connect(tabId, RUN_PORT) through the background: the returned port behaves the same. */
export const relayRunPort = (tabId: number): Runtime.Port =>
  browser.runtime.connect({ name: `${RELAY_PORT}${tabId}` });

/** Background side. */
export function serveTabRelay(): void {
  browser.runtime.onMessage.addListener(((
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (answer: RelayAnswer) => void,
  ) => {
    const m = message as { type?: unknown; op?: unknown; tabId?: unknown } | null;
    if (m?.type !== RELAY || !fromExtensionPage(sender)) return undefined;
    if (m.op !== 'message' || typeof m.tabId !== 'number') return undefined;
    if (!mayReach(sender, m.tabId)) {
      sendResponse({ ok: false, error: 'a helper frame can only reach its own tab' });
      return undefined;
    }
    browser.tabs.sendMessage(m.tabId, (m as { message?: unknown }).message).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: String(error) }),
    );
    return true;
    // biome-ignore lint/suspicious/noExplicitAny: the callback form of onMessage (see messaging.ts)
  }) as any);

  browser.runtime.onConnect.addListener((outer) => {
    if (!outer.name.startsWith(RELAY_PORT)) return;
    const tabId = Number(outer.name.slice(RELAY_PORT.length));
    if (
      !outer.sender ||
      !fromExtensionPage(outer.sender) ||
      !Number.isInteger(tabId) ||
      !mayReach(outer.sender, tabId)
    ) {
      outer.disconnect();
      return;
    }
    const inner = browser.tabs.connect(tabId, { name: RUN_PORT });
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      for (const port of [inner, outer]) {
        try {
          port.disconnect();
        } catch {
          // Already closed.
        }
      }
    };
    inner.onMessage.addListener((m: unknown) => outer.postMessage(m));
    outer.onMessage.addListener((m: unknown) => inner.postMessage(m));
    inner.onDisconnect.addListener(end);
    outer.onDisconnect.addListener(end);
  });
}
