import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/derive-manifest.ts';
import { CHROMIUM_BASE_ARGS, mapHostsArgs } from '../../chromium-flags.mjs';
import { startProxy } from '../../sim/proxy.mjs';
import { type BrowserName, browserExecutable } from './browser-paths.ts';

/** Hosts the browser resolves to the simulation. other.example.com proves where we must NOT run. */
export const SIM_HOSTS = [
  'app.impact.com',
  'member.impactradius.com',
  'other.example.com',
] as const;

export const DESKTOP_VIEWPORT = { width: 1366, height: 860 };

const ROOT = new URL('../../../', import.meta.url).pathname;
// A fixed moz-extension UUID, so tests can open the helper page by URL in Firefox.
const FIREFOX_UUID = '5b1c7e0a-2f7d-4d6c-9a51-7f3e2c1d9b10';

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  extensionOrigin: string;
  openPage(url: string): Promise<Page>;
  /**
   * The helper popped out into its own tab, aimed at `target`: asked of the background as "Open in
   * a tab" asks it (platform/helper-tabs.ts), which opens the tab; resolves to that tab's page.
   */
  openHelper(target: Page): Promise<Page>;
  /** Opens any extension page (e.g. to read storage) and waits for its document. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * The tab `open` makes someone else open (the background, a page's window.open): the first new
   * page whose address contains `address`, once its document has loaded.
   */
  newPageFrom(open: () => Promise<unknown>, address: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /**
   * Sends a protocol message to the content script of `page`'s tab, as the helper does. Resolves to
   * `{ error }` when no content script answers (e.g. on a host the extension must not run on).
   */
  askContentScript(page: Page, type: string, data?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  simPort: number;
  /** Browser UI language (drives browser.i18n in the helper). */
  lang?: 'en' | 'ja';
  /** Tests run headless; the demo opens a real window. */
  headless?: boolean;
  /** Extra Chromium switches (e.g. a forced colour scheme for the docs screenshots). */
  chromiumArgs?: string[];
  /** prefers-color-scheme for every frame, extension pages included; default: the browser's. */
  colorScheme?: 'light' | 'dark';
}

function distFor(name: BrowserName): string {
  const dir = join(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`npm run build\` first (npm test does it for you).`);
  }
  return dir;
}

async function launchChromium(
  opts: LaunchOptions,
): Promise<{ browser: Browser; origin: string; cleanup(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ith-chromium-'));
  const lang = opts.lang ?? 'en';
  const browser = await puppeteer.launch({
    executablePath: browserExecutable('chromium'),
    headless: opts.headless ?? true,
    // A laptop-sized window: the docked panel and the wizard must fit side by side, as for users.
    defaultViewport: DESKTOP_VIEWPORT,
    pipe: true,
    enableExtensions: [distFor('chromium')],
    userDataDir: profile,
    // Chromium on Linux takes its UI language from LANGUAGE; --lang alone is ignored there.
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
    args: [
      ...CHROMIUM_BASE_ARGS,
      `--lang=${lang}`,
      ...mapHostsArgs(SIM_HOSTS, opts.simPort),
      // Applies to every frame, the panel's extension iframe (another process) too.
      ...(opts.colorScheme
        ? [`--blink-settings=preferredColorScheme=${opts.colorScheme === 'dark' ? 0 : 1}`]
        : []),
      ...(opts.chromiumArgs ?? []),
    ],
  });
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    {
      timeout: 15_000,
    },
  );
  // URL.origin is "null" for non-special schemes such as chrome-extension:.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    browser,
    origin,
    cleanup: async () => rmSync(profile, { recursive: true, force: true }),
  };
}

async function launchFirefox(
  opts: LaunchOptions,
): Promise<{ browser: Browser; origin: string; cleanup(): Promise<void> }> {
  // Firefox has no host-resolver-rules flag: it reaches the mapped hosts through a proxy.
  const proxy = await startProxy(opts.simPort, SIM_HOSTS);
  const lang = opts.lang ?? 'en';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserExecutable('firefox'),
    headless: opts.headless ?? true,
    defaultViewport: DESKTOP_VIEWPORT,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disableIPv6': true,
      'intl.locale.requested': lang,
      // 0 dark, 1 light: what prefers-color-scheme reports to every document.
      ...(opts.colorScheme
        ? {
            'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
          }
        : {}),
    },
  });
  await browser.installExtension(distFor('firefox'));
  return { browser, origin: `moz-extension://${FIREFOX_UUID}`, cleanup: () => proxy.close() };
}

/** Launches the real browser with the built extension loaded and impact.com mapped to the simulation. */
export async function launchWithExtension(
  name: BrowserName,
  opts: LaunchOptions,
): Promise<ExtensionBrowser> {
  const { browser, origin, cleanup } =
    name === 'chromium' ? await launchChromium(opts) : await launchFirefox(opts);
  let control: Page | undefined;

  const openExtensionPage = async (path: string): Promise<Page> => {
    // Firefox never resolves goto() for moz-extension:// pages, so the test waits for the
    // document instead. Under load (several tabs opening at once) a navigation now and then never
    // starts; a fresh tab gets a second and third chance instead of failing the suite.
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const page = await browser.newPage();
      void page.goto(`${origin}/${path}`).catch(() => {});
      try {
        await page.waitForFunction(
          () => document.readyState === 'complete' && location.protocol.endsWith('-extension:'),
          { timeout: 15_000 },
        );
        return page;
      } catch (error) {
        lastError = error;
        await page.close().catch(() => {});
      }
    }
    throw new Error(`extension page ${path} did not load in 3 tries: ${String(lastError)}`);
  };

  const newPageFrom = async (open: () => Promise<unknown>, address: string): Promise<Page> => {
    const known = new Set(await browser.pages());
    await open();
    // Firefox reports a moz-extension:// page's url() as about:blank: ask the document.
    const addressOf = (p: Page) => p.evaluate(() => location.href).catch(() => '');
    const deadline = Date.now() + 15_000;
    for (;;) {
      for (const page of await browser.pages()) {
        if (known.has(page) || !(await addressOf(page)).includes(address)) continue;
        await page.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
        return page;
      }
      if (Date.now() > deadline) throw new Error(`no new tab at ${address}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const marker = `ith-tab-${Math.random().toString(36).slice(2)}`;
    // A unique title lets the extension side pick this exact tab even when URLs repeat.
    await page.evaluate((m) => {
      document.title = m;
    }, marker);
    control ??= await openExtensionPage('src/helper/index.html?e2e-control=1');
    // The marker title identifies the tab on hosts the extension may access. The page can re-set
    // its title at any time (the simulation does on re-render), and other hosts hide titles, so
    // the page is also brought to the front: failing the marker, it is the active tab.
    await page.bringToFront();
    const id = await control.evaluate(async (m) => {
      type Tab = { id?: number; title?: string; active?: boolean };
      type TabsApi = { tabs: { query(q: object): Promise<Tab[]> } };
      const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
      const tabs = await (g.browser ?? g.chrome).tabs.query({});
      const titled = tabs.find((t) => t.title === m);
      if (titled) return titled.id;
      const active = tabs.filter((t) => t.active);
      return active.length === 1 ? active[0]?.id : undefined;
    }, marker);
    if (id === undefined) throw new Error('could not find the tab id of the page');
    return id;
  };

  return {
    name,
    browser,
    extensionOrigin: origin,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openHelper(target) {
      const tabId = await tabIdOf(target);
      return newPageFrom(
        () =>
          control?.evaluate(async (id) => {
            type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            const g = globalThis as unknown as { browser?: Api; chrome: Api };
            await (g.browser ?? g.chrome).runtime.sendMessage({
              type: 'openHelperTab',
              data: { tabId: id },
            });
          }, tabId) ?? Promise.resolve(),
        `${origin}/src/helper/index.html?popout=`,
      );
    },
    newPageFrom,
    openExtensionPage,
    tabIdOf,
    async askContentScript(page, type, data) {
      const tabId = await tabIdOf(page);
      return control?.evaluate(
        async (id, message) => {
          type TabsApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
          try {
            return await (g.browser ?? g.chrome).tabs.sendMessage(id, message);
          } catch (error) {
            return { error: String(error) };
          }
        },
        tabId,
        { type, data },
      );
    },
    async close() {
      await browser.close().catch(() => {});
      await cleanup();
    },
  };
}
