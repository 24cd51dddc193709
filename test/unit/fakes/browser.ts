/**
 * A small in-memory `browser` for unit tests: storage areas with Chrome's sync quotas and error
 * messages, managed storage that throws without a policy (as Firefox does), i18n that reads the
 * real public/_locales files, and runtime/tabs/action stubs that route messages and ports to
 * handlers a test installs (a fake content script). Tests read outcomes from it (stored items,
 * badge text), not calls.
 *
 * Import `./install` first in a test file: it puts this object at globalThis.browser, where
 * webextension-polyfill hands it out unchanged (exactly what happens on Firefox).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Listener<A extends unknown[]> = (...args: A) => unknown;

export class FakeEvent<A extends unknown[]> {
  listeners = new Set<Listener<A>>();
  addListener = (fn: Listener<A>) => void this.listeners.add(fn);
  removeListener = (fn: Listener<A>) => void this.listeners.delete(fn);
  hasListener = (fn: Listener<A>) => this.listeners.has(fn);
  emit(...args: A): unknown[] {
    return [...this.listeners].map((fn) => fn(...args));
  }
}

type Items = Record<string, unknown>;
type StorageChange = { oldValue?: unknown; newValue?: unknown };

/** Chrome's storage.sync limits (chrome.storage.sync.QUOTA_BYTES etc.). */
export const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8192, MAX_ITEMS: 512 };

/** Chrome counts an item as its key plus the JSON of its value. */
export const itemBytes = (key: string, value: unknown) => key.length + JSON.stringify(value).length;

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export class FakeStorageArea {
  data = new Map<string, unknown>();
  /** When set, every call rejects with this message (sync turned off, no policy, …). */
  unavailable: string | undefined;
  constructor(
    readonly areaName: string,
    private readonly onChanged: FakeEvent<[Record<string, StorageChange>, string]>,
    readonly quota?: typeof SYNC_QUOTA,
  ) {}

  private check() {
    if (this.unavailable) throw new Error(this.unavailable);
  }

  async get(keys?: string | string[] | Items | null): Promise<Items> {
    this.check();
    const out: Items = {};
    if (keys === undefined || keys === null) {
      for (const [k, v] of this.data) out[k] = clone(v);
      return out;
    }
    const defaults: Items =
      typeof keys === 'string'
        ? { [keys]: undefined }
        : Array.isArray(keys)
          ? Object.fromEntries(keys.map((k) => [k, undefined]))
          : keys;
    for (const [k, d] of Object.entries(defaults)) {
      if (this.data.has(k)) out[k] = clone(this.data.get(k));
      else if (d !== undefined) out[k] = d;
    }
    return out;
  }

  async set(items: Items): Promise<void> {
    this.check();
    if (this.quota) {
      const next = new Map(this.data);
      for (const [k, v] of Object.entries(items)) {
        if (itemBytes(k, v) > this.quota.QUOTA_BYTES_PER_ITEM) {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        next.set(k, v);
      }
      if (next.size > this.quota.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
      let total = 0;
      for (const [k, v] of next) total += itemBytes(k, v);
      if (total > this.quota.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    }
    const changes: Record<string, StorageChange> = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { oldValue: clone(this.data.get(k)), newValue: clone(v) };
      this.data.set(k, clone(v));
    }
    this.onChanged.emit(changes, this.areaName);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.check();
    const changes: Record<string, StorageChange> = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(k)) continue;
      changes[k] = { oldValue: clone(this.data.get(k)) };
      this.data.delete(k);
    }
    if (Object.keys(changes).length) this.onChanged.emit(changes, this.areaName);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  async getBytesInUse(): Promise<number> {
    let total = 0;
    for (const [k, v] of this.data) total += itemBytes(k, v);
    return total;
  }

  /** Test helper: the stored items as plain data. */
  dump(): Items {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, clone(v)]));
  }
}

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const localesDir = join(import.meta.dirname, '../../../public/_locales');
const messageCache = new Map<string, Messages>();
function messagesFor(locale: string): Messages {
  let m = messageCache.get(locale);
  if (!m) {
    m = JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Messages;
    messageCache.set(locale, m);
  }
  return m;
}

/** chrome.i18n.getMessage: named placeholders resolve to their content, then $1..$9 substitute. */
export function formatMessage(locale: string, key: string, subs?: string | string[]): string {
  const entry = messagesFor(locale)[key] ?? messagesFor('en')[key];
  if (!entry) return '';
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const withNamed = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = Object.entries(entry.placeholders ?? {}).find(
      ([k]) => k.toLowerCase() === name.toLowerCase(),
    );
    return ph ? ph[1].content : whole;
  });
  return withNamed.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
}

export interface FakePort {
  name: string;
  sender?: { tab?: { id: number }; id?: string };
  postMessage(msg: unknown): void;
  disconnect(): void;
  onMessage: FakeEvent<[unknown, FakePort]>;
  onDisconnect: FakeEvent<[FakePort]>;
}

/** Two connected port ends; messages are delivered asynchronously, like the real thing. */
export function portPair(name: string, senderOfA?: FakePort['sender']): [FakePort, FakePort] {
  let open = true;
  const make = (): FakePort => ({
    name,
    postMessage(msg) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const data = clone(msg);
      // Posted before a disconnect still arrives, in order (as in Chrome and Firefox).
      const peer = other(this);
      queueMicrotask(() => peer.onMessage.emit(data, peer));
    },
    disconnect() {
      if (!open) return;
      open = false;
      const peer = other(this);
      queueMicrotask(() => peer.onDisconnect.emit(peer));
    },
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
  });
  const a = make();
  const b = make();
  b.sender = senderOfA;
  const other = (p: FakePort) => (p === a ? b : a);
  return [a, b];
}

export interface FakeTab {
  id: number;
  url?: string;
  active?: boolean;
  windowId?: number;
}

/** Who sent a runtime message: a tab (content script or framed page), and the sending page. */
interface FakeSender {
  tab?: FakeTab;
  frameId?: number;
  url?: string;
}

type TabMessageHandler = (message: unknown) => unknown;

export function createFakeBrowser() {
  const storageChanged = new FakeEvent<[Record<string, StorageChange>, string]>();
  const b = {
    locale: 'en',
    storage: {
      sync: new FakeStorageArea('sync', storageChanged, SYNC_QUOTA),
      local: new FakeStorageArea('local', storageChanged),
      session: new FakeStorageArea('session', storageChanged),
      managed: new FakeStorageArea('managed', storageChanged),
      onChanged: storageChanged,
    },
    i18n: {
      getMessage: (key: string, subs?: string | string[]) => formatMessage(b.locale, key, subs),
      getUILanguage: () => b.locale,
    },
    runtime: {
      id: 'fake-extension-id',
      getURL: (path: string) => `chrome-extension://fake-extension-id/${path.replace(/^\//, '')}`,
      onMessage: new FakeEvent<[unknown, { tab?: FakeTab; id?: string }, (r?: unknown) => void]>(),
      onInstalled: new FakeEvent<[{ reason: string; previousVersion?: string }]>(),
      onConnect: new FakeEvent<[FakePort]>(),
      /** The sender the next runtime.sendMessage reports (e.g. the in-page panel's tab). */
      currentSender: {} as FakeSender,
      /**
       * Chrome's rules: a listener answers by calling sendResponse, after returning true when it
       * answers later; Firefox also accepts a returned promise. The first answer wins; no answer
       * at all is Chrome's "Receiving end does not exist".
       */
      sendMessage(message: unknown): Promise<unknown> {
        return b.runtime.sendMessageAs(b.runtime.currentSender, message);
      },
      /** runtime.sendMessage from a given sender, e.g. a (fake) content script in a tab. */
      sendMessageAs(from: FakeSender, message: unknown): Promise<unknown> {
        return new Promise((resolve, reject) => {
          let answered = false;
          const sendResponse = (response?: unknown) => {
            if (answered) return;
            answered = true;
            resolve(clone(response));
          };
          const sender = { ...from, id: b.runtime.id };
          const results = b.runtime.onMessage.emit(clone(message), sender, sendResponse);
          const pending = results.filter((r) => r === true || r instanceof Promise);
          for (const r of pending) if (r instanceof Promise) r.then(sendResponse, reject);
          if (!answered && pending.length === 0) {
            reject(new Error('Could not establish connection. Receiving end does not exist.'));
          }
        });
      },
    },
    tabs: {
      list: [] as FakeTab[],
      /** The fake content script of each tab; a tab without one has none (not an impact page). */
      contentHandlers: new Map<number, TabMessageHandler>(),
      contentConnect: new Map<number, (port: FakePort) => void>(),
      created: [] as { url?: string }[],
      async query(q: { active?: boolean; currentWindow?: boolean }) {
        return b.tabs.list.filter((t) => q.active === undefined || !!t.active === q.active);
      },
      async get(tabId: number) {
        const t = b.tabs.list.find((x) => x.id === tabId);
        if (!t) throw new Error(`No tab with id: ${tabId}.`);
        return t;
      },
      async sendMessage(tabId: number, message: unknown) {
        const handler = b.tabs.contentHandlers.get(tabId);
        if (!handler)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return clone(await handler(clone(message)));
      },
      connect(tabId: number, info: { name?: string }) {
        const [helperEnd, contentEnd] = portPair(info.name ?? '', { id: b.runtime.id });
        const accept = b.tabs.contentConnect.get(tabId);
        if (accept) queueMicrotask(() => accept(contentEnd));
        else queueMicrotask(() => helperEnd.onDisconnect.emit(helperEnd));
        return helperEnd;
      },
      async create(props: { url?: string }) {
        b.tabs.created.push(props);
        return { id: 1000 + b.tabs.created.length, ...props };
      },
    },
    action: {
      badges: new Map<number, { text?: string; color?: string; title?: string }>(),
      async setBadgeText({ tabId, text }: { tabId: number; text: string }) {
        b.action.badges.set(tabId, { ...b.action.badges.get(tabId), text });
      },
      async setBadgeBackgroundColor({ tabId, color }: { tabId: number; color: string }) {
        b.action.badges.set(tabId, { ...b.action.badges.get(tabId), color });
      },
      async setTitle({ tabId, title }: { tabId: number; title: string }) {
        b.action.badges.set(tabId, { ...b.action.badges.get(tabId), title });
      },
    },
  };
  return b;
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** The one instance a test file shares with the code under test (see ./install). */
export const fakeBrowser: FakeBrowser = createFakeBrowser();

/** Back to an empty browser between tests: same object (the polyfill holds it), fresh state. */
export function resetFakeBrowser(): FakeBrowser {
  const b = fakeBrowser;
  const changed = new FakeEvent<[Record<string, StorageChange>, string]>();
  b.locale = 'en';
  b.storage.onChanged = changed;
  b.storage.sync = new FakeStorageArea('sync', changed, SYNC_QUOTA);
  b.storage.local = new FakeStorageArea('local', changed);
  b.storage.session = new FakeStorageArea('session', changed);
  b.storage.managed = new FakeStorageArea('managed', changed);
  b.runtime.onMessage = new FakeEvent();
  b.runtime.onInstalled = new FakeEvent();
  b.runtime.onConnect = new FakeEvent();
  b.runtime.currentSender = {};
  b.tabs.list = [];
  b.tabs.contentHandlers = new Map();
  b.tabs.contentConnect = new Map();
  b.tabs.created = [];
  b.action.badges = new Map();
  return b;
}
