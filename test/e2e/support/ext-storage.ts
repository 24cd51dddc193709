import type { ExtensionBrowser } from '../harness/launch.ts';

/**
 * Raw access to the extension's storage areas from one of its own pages, for tests that set up or
 * inspect exactly what is stored (corruptions, quota, write rate). `fn` runs in the page with the
 * extension API (`browser` in Firefox, `chrome` in Chromium) and its result comes back as JSON.
 */
export type StorageApi = {
  storage: {
    sync: StorageArea;
    local: StorageArea;
  };
};
export type StorageArea = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
};

/**
 * Runs `fn` in an extension page. `fn` is sent as source (puppeteer serializes it), so it finds
 * the API itself: `const api = (globalThis.browser ?? globalThis.chrome) as StorageApi`.
 */
export async function withStorage<T, A>(
  ext: ExtensionBrowser,
  fn: (arg: A) => Promise<T>,
  arg: A,
): Promise<T> {
  const page = await ext.openExtensionPage('src/helper/index.html?e2e-seed=1');
  try {
    return (await page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg)) as T;
  } finally {
    await page.close();
  }
}

type Scope = { browser?: StorageApi; chrome?: StorageApi };

export const readArea = (ext: ExtensionBrowser, area: 'sync' | 'local') =>
  withStorage(
    ext,
    (a) => {
      const g = globalThis as unknown as Scope;
      return ((g.browser ?? g.chrome) as StorageApi).storage[a].get(null);
    },
    area,
  );

/** Empties both areas, then writes `items` into storage.sync. */
export const resetTo = (ext: ExtensionBrowser, items: Record<string, unknown>) =>
  withStorage(
    ext,
    async (value) => {
      const g = globalThis as unknown as Scope;
      const api = (g.browser ?? g.chrome) as StorageApi;
      await api.storage.local.clear();
      await api.storage.sync.clear();
      await api.storage.sync.set(value);
    },
    items,
  );
