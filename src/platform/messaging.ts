import browser, { type Runtime } from 'webextension-polyfill';
import type { Envelope, RequestMap, RequestName } from '../core/protocol';

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

/** To the content script in one tab. */
export function sendToTab<K extends RequestName>(
  tabId: number,
  type: K,
  data: Req<K>,
): Promise<Res<K>> {
  return browser.tabs.sendMessage(tabId, { type, data } satisfies Envelope<K>) as Promise<Res<K>>;
}

export type Handlers = {
  [K in RequestName]?: (data: Req<K>, sender: Runtime.MessageSender) => Res<K> | Promise<Res<K>>;
};

/** Answers the message names in `handlers`; ignores everything else (other listeners may answer). */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as RequestName] as (
      d: unknown,
      s: Runtime.MessageSender,
    ) => unknown;
    return Promise.resolve(handler(data, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export type { Runtime };
