import type { Runtime } from 'webextension-polyfill';
import type { Envelope, RequestMap, RequestName } from '../core/protocol';
import { ext as browser } from './ext';
import { hasTabsApi, relayToTab } from './tab-relay';

/**
 * Typed one-shot messages from the protocol map in src/core/protocol.ts. Callers get typed
 * functions; handlers are registered per context and answer only the names they know.
 */

type Req<K extends RequestName> = RequestMap[K]['req'];
type Res<K extends RequestName> = RequestMap[K]['res'];

/** To the background (or any extension page listening). */
export function sendToRuntime<K extends RequestName>(type: K, data: Req<K>): Promise<Res<K>> {
  return browser.runtime.sendMessage({ type, data } satisfies Envelope<K>) as Promise<Res<K>>;
}

/** To the content script in one tab (through the background where `tabs` is missing). */
export function sendToTab<K extends RequestName>(
  tabId: number,
  type: K,
  data: Req<K>,
): Promise<Res<K>> {
  const message = { type, data } satisfies Envelope<K>;
  return (
    hasTabsApi() ? browser.tabs.sendMessage(tabId, message) : relayToTab(tabId, message)
  ) as Promise<Res<K>>;
}

export type Handlers = {
  [K in RequestName]?: (data: Req<K>, sender: Runtime.MessageSender) => Res<K> | Promise<Res<K>>;
};

type SendResponse = (response?: unknown) => void;

/**
 * Answers the message names in `handlers`; ignores everything else (other listeners may answer).
 * Answers go through sendResponse with `return true`, which both Chrome and Firefox honour (Chrome
 * ignores a returned promise), so no polyfill is needed.
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: SendResponse,
  ) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as RequestName] as (
      d: unknown,
      s: Runtime.MessageSender,
    ) => unknown;
    // A failing handler still answers (undefined), so the sender is not left waiting.
    (async () => handler(data, sender))().then(
      (response) => sendResponse(response),
      () => sendResponse(undefined),
    );
    return true;
  };
  // The polyfill's types describe a promise-returning listener; this one is the callback form.
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(fn: typeof listener): void;
    removeListener(fn: typeof listener): void;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}

export type { Runtime };
