import type { Frame, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../harness/launch.ts';
import type { Session } from '../harness/session.ts';
import { byRole, PARTNER_API_PATH } from '../harness/session.ts';
import { launcherFrame, launcherState, waitForLauncher } from './launcher-root.ts';

/**
 * The helper page as a person uses it: by role and accessible name only (its user contract). Works
 * on the popped-out helper (a Page) and on the in-page panel (the iframe's Frame) alike.
 */
export type HelperDoc = Page | Frame;

export const BROWSER = (process.env.BROWSER ?? 'chromium') as 'chromium' | 'firefox';

export interface TokenSpec {
  name: string;
  description?: string;
  /** A version number ('14'); omitted: the form's default (latest). */
  version?: string;
  /** Email or name of an account user. */
  contact?: string;
  emails?: string[];
  /**
   * [category, method] method grants, e.g. ['Reports', 'GET'] (the picker's "Reports GET" box), or
   * [category, method, path] pinned endpoints (the box whose name holds those three as words).
   */
  scopes: ([string, string] | [string, string, string])[];
}

/** The final status: ends "Ready for review" / "Token created", or begins "Stopped:". */
const FINAL = /Ready for review$|Token created$|^Stopped:|準備ができました|作成しました|^停止/;

/**
 * Waits until the page's DOM has been still for `quietMs`. The harness finds a page's tab by a
 * marker title, and the simulated app re-sets document.title when it re-renders (data arriving),
 * so anything that looks a tab up (openHelper, askContentScript) waits for the app to settle.
 */
export async function settle(page: Page, quietMs = 250): Promise<void> {
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quiet);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      }),
    quietMs,
  );
}

/** The API page, once the extension has detected it (its launcher is shown) and it settled. */
export async function openApiPage(
  s: Session,
  query?: Record<string, string>,
  path = PARTNER_API_PATH,
  launcherLabel = 'Token helper',
): Promise<Page> {
  const page = await s.open(path, query);
  await waitForLauncher(page, { label: launcherLabel });
  await settle(page);
  return page;
}

/**
 * The helper has read the page and may start a run: "Fill and create" is enabled (on a preset's
 * card or in the edit view), or, on a home view without presets, "Save page selection as preset".
 */
export async function waitUntilReady(h: HelperDoc): Promise<void> {
  await h.waitForSelector(
    [
      `${byRole('button', 'Fill and create')}:not([disabled])`,
      `${byRole('button', 'Save page selection as preset')}:not([disabled])`,
    ].join(', '),
    { timeout: 15_000 },
  );
}

/** The helper's views, told apart by what only each shows. */
export type HelperView = 'home' | 'edit' | 'run';

/**
 * Which view the helper shows, by the id of the heading that starts each view: one round trip
 * (the accessibility queries cost about half a second each in Firefox), read, never clicked.
 */
export async function currentView(h: HelperDoc): Promise<HelperView | undefined> {
  return h.evaluate(() => {
    if (document.getElementById('run-h')) return 'run';
    if (document.getElementById('edit-h')) return 'edit';
    if (document.getElementById('home-h')) return 'home';
    return undefined;
  });
}

/** From the run view (a finished run), back to where the run started: "Back". */
export async function leaveRunView(h: HelperDoc): Promise<void> {
  if ((await currentView(h)) !== 'run') return;
  await h
    .locator(`${byRole('button', 'Back')}`)
    .setTimeout(60_000)
    .click();
  await h.waitForFunction(() => !document.getElementById('run-h'), { timeout: 5_000 });
}

/** The home view, from wherever the helper is ("Back", then "All presets"). */
export async function goHome(h: HelperDoc): Promise<void> {
  await h.waitForSelector('#home-h, #edit-h, #run-h', { timeout: 45_000 });
  await leaveRunView(h);
  if ((await currentView(h)) === 'edit') {
    await h.locator(byRole('button', 'All presets')).click();
    await h.waitForSelector('#home-h', { timeout: 5_000 });
  }
}

/** The home view's card of the preset named `name` (its article, named by its heading). */
export async function presetCard(h: HelperDoc, name: string) {
  await goHome(h);
  const card = await h.waitForSelector(byRole('article', name), { timeout: 15_000 });
  if (!card) throw new Error(`no card for the preset "${name}"`);
  return card;
}

/**
 * The names of the cards in the home view's list named `list` ("Your presets", or "From your
 * organization"), in order; [] while the list is not shown. One round trip, as in fillForm.
 */
export async function listedPresets(h: HelperDoc, list = 'Your presets'): Promise<string[]> {
  return h.evaluate(
    (label) =>
      [...document.querySelectorAll('ul')]
        .filter((ul) => ul.getAttribute('aria-label') === label)
        .flatMap((ul) => [...ul.querySelectorAll('article')])
        .map((card) => {
          const heading = document.getElementById(card.getAttribute('aria-labelledby') ?? '');
          return heading?.textContent?.trim() ?? '';
        }),
    list,
  );
}

/** Opens the preset named `name` in the edit view (its card's "Edit", or "Open" for an org's). */
export async function openPreset(h: HelperDoc, name: string): Promise<void> {
  const card = await presetCard(h, name);
  const button =
    (await card.$(byRole('button', 'Edit'))) ??
    (await card.$(byRole('button', 'Open'))) ??
    (await card.$(byRole('button', '編集'))) ??
    (await card.$(byRole('button', '開く')));
  if (!button) throw new Error(`the card of "${name}" has no Edit button`);
  await button.click();
  await h.waitForSelector('#edit-h', { timeout: 5_000 });
}

/** The edit view of a new, empty preset ("New preset" on the home view). */
export async function newPreset(h: HelperDoc): Promise<void> {
  await goHome(h);
  await h.locator(byRole('button', 'New preset')).click();
  await h.waitForSelector('#edit-h', { timeout: 5_000 });
}

/**
 * Sets a textbox as typing ends up doing (the value, then a bubbling `input`), in one step: typing
 * key by key costs seconds per field over WebDriver BiDi, and these tests are about the run.
 */
export async function setText(h: HelperDoc, label: string, value: string): Promise<void> {
  const field = await h.waitForSelector(byRole('textbox', label), { timeout: 10_000 });
  await field?.evaluate((el, v) => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    const proto = Object.getPrototypeOf(input) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/**
 * Fills the helper's form from an empty one (no preset selected). Controls are found by their
 * accessible name (label or aria-label), exactly one each, inside the page in one round trip:
 * puppeteer's accessibility queries cost about half a second each in Firefox, and a form has a
 * dozen controls. The role queries of the harness are used for the buttons and in helper.e2e.ts.
 */
export async function fillForm(h: HelperDoc, spec: TokenSpec): Promise<void> {
  // Firefox can take well over 10 s to render a freshly opened helper on a loaded machine.
  await h.waitForSelector('#home-h, #edit-h, #run-h', { timeout: 45_000 });
  // The form is the edit view's: after a run, back to it; from the home view, a new preset.
  await leaveRunView(h);
  if ((await currentView(h)) !== 'edit') await newPreset(h);
  await h.waitForSelector(byRole('textbox', 'Token name'), { timeout: 10_000 });
  const texts: [string, string][] = [['Token name', spec.name]];
  if (spec.description !== undefined) texts.push(['Description', spec.description]);
  if (spec.contact !== undefined) texts.push(['Primary contact', spec.contact]);
  if (spec.emails) texts.push(['Developer emails', spec.emails.join(', ')]);
  const problems = await h.evaluate(
    async (texts, version, scopes) => {
      // One event per render, as from a person: the form's handlers build on the last render.
      const tick = () => new Promise((r) => setTimeout(r, 0));
      const problems: string[] = [];
      const nameOf = (el: Element) =>
        (
          el.getAttribute('aria-label') ??
          (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
          ''
        ).trim();
      const one = (selector: string, name: string) => {
        const found = [...document.querySelectorAll(selector)].filter((e) => nameOf(e) === name);
        if (found.length !== 1) problems.push(`${found.length} controls named "${name}"`);
        return found.length === 1 ? (found[0] as HTMLElement) : undefined;
      };
      const set = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, v: string) => {
        el.focus();
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set?.call(el, v);
        el.dispatchEvent(
          new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
        );
      };
      for (const [name, value] of texts) {
        const el = one('input, textarea', name) as HTMLInputElement | undefined;
        if (el) set(el, value);
        await tick();
      }
      if (version !== null) {
        const el = one('select', 'API version') as HTMLSelectElement | undefined;
        if (el && ![...el.options].some((o) => o.value === version))
          problems.push(`no version ${version}`);
        else if (el) set(el, version);
        await tick();
      }
      for (const [category, method, path] of scopes) {
        // A category's endpoint rows are on the page only while it is open, as for a person.
        const disclosure = [...document.querySelectorAll('button[aria-expanded]')].find(
          (b) => b.textContent?.trim() === category,
        );
        if (path && disclosure?.getAttribute('aria-expanded') === 'false') {
          (disclosure as HTMLElement).click();
          for (let i = 0; i < 40 && disclosure.getAttribute('aria-expanded') !== 'true'; i++)
            await tick();
          await tick();
        }
        const box = path
          ? (() => {
              const found = [
                ...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
              ].filter((b) => {
                const words = nameOf(b).split(/\s+/);
                return (
                  nameOf(b).startsWith(`${category} `) &&
                  words.includes(method) &&
                  words.includes(path)
                );
              });
              if (found.length !== 1) problems.push(`${found.length} boxes for ${path}`);
              return found[0];
            })()
          : (one('input[type="checkbox"]', `${category} ${method}`) as
              | HTMLInputElement
              | undefined);
        if (box && !box.checked) box.click();
        await tick();
      }
      return problems;
    },
    texts,
    spec.version ?? null,
    spec.scopes,
  );
  if (problems.length) throw new Error(`helper form: ${problems.join('; ')}`);
  // Preact renders asynchronously: wait until every requested box shows as checked.
  await h.waitForFunction(
    (wanted: string[][]) =>
      wanted.every(([category, method, path]) =>
        [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].some((b) => {
          const name = (b.getAttribute('aria-label') ?? '').trim();
          const words = name.split(/\s+/);
          return (
            b.checked &&
            (path
              ? name.startsWith(`${category} `) &&
                words.includes(method as string) &&
                words.includes(path)
              : name === `${category} ${method}`)
          );
        }),
      ),
    { timeout: 5_000, polling: 50 },
    spec.scopes,
  );
}

export interface RunResult {
  status: string;
  /** ms from the click to the final status. */
  ms: number;
}

/**
 * Clicks "Fill form" or "Fill and create" and waits for the run's final status sentence. `front`:
 * the impact.com page to show once the run started, as a person with the popped-out helper in a
 * second window sees both (Firefox clamps a hidden tab's timers to 1 s, tripling every run). The
 * wait then polls on mutations: a hidden helper tab runs no animation frames.
 */
export async function run(
  h: HelperDoc,
  button: 'Fill form' | 'Fill and create',
  { front, timeout = 60_000 }: { front?: Page; timeout?: number } = {},
): Promise<RunResult> {
  // Run again after a run: from where the last one started (its card, or the edit view).
  await leaveRunView(h);
  await waitUntilReady(h);
  const target = await h.waitForSelector(byRole('button', button));
  const start = performance.now();
  await target?.click();
  await front?.bringToFront();
  const status = await finalStatus(h, timeout);
  return { status, ms: performance.now() - start };
}

/**
 * The run's final status sentence, once it shows. Polls on mutations: a hidden helper tab runs no
 * animation frames.
 */
export async function finalStatus(h: HelperDoc, timeout = 60_000): Promise<string> {
  const handle = await h.waitForFunction(
    (pattern) => {
      const text = document.querySelector('[role="status"]')?.textContent?.trim() ?? '';
      return new RegExp(pattern).test(text) ? text : false;
    },
    { timeout, polling: 'mutation' },
    FINAL.source,
  );
  return String(await handle.jsonValue());
}

/** The in-page panel's document (the helper in its iframe), once it has loaded. */
export async function panelFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const shown = (await launcherState(page).catch(() => undefined))?.panelShown === true;
    const frame = shown ? await launcherFrame(page).catch(() => undefined) : undefined;
    if (frame) {
      const ok = await frame
        // Loaded and past "Loading…": a view and its status region are rendered.
        .evaluate(
          () =>
            location.protocol.endsWith('-extension:') &&
            !!document.querySelector('[role="status"]'),
        )
        .catch(() => false);
      if (ok) return frame;
    }
    if (Date.now() > deadline) throw new Error('the in-page panel did not load');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface SeedPreset {
  id: string;
  name: string;
  nameTemplate: string;
  description?: string;
  version?: string;
  primaryContact?: string;
  developerEmails?: string[];
  /** In the stored form (format 3): method grants, and pinned endpoints grouped by method. */
  scopes: { category: string; methods?: string[]; endpoints?: Record<string, string[]> }[];
}

/**
 * Writes presets in the stored layout (src/core/stored-state.ts toStorageItems: a meta item with
 * the order, default and settings, then one item per preset) from an extension page, into the
 * area the extension reads (sync, unless it moved to local).
 */
export async function seedPresets(
  s: Session,
  presets: SeedPreset[],
  opts: { defaultId?: string; openAutomatically?: boolean } = {},
): Promise<void> {
  const items: Record<string, unknown> = {
    meta: {
      formatVersion: 3,
      order: presets.map((p) => p.id),
      ...(opts.defaultId ? { defaultPresetId: opts.defaultId } : {}),
      settings: { openAutomatically: opts.openAutomatically ?? true },
    },
  };
  const updatedAt = new Date().toISOString();
  for (const p of presets) {
    items[`preset:${p.id}`] = {
      description: '',
      version: 'latest',
      primaryContact: '',
      developerEmails: [],
      ...p,
      updatedAt,
    };
  }
  await writeStoredItems(s.ext, items);
}

/**
 * Replaces the extension's stored presets with `items` (already in the stored layout), from an
 * extension page, in the area the extension reads: sync, unless it has moved to local.
 */
export async function writeStoredItems(
  ext: ExtensionBrowser,
  items: Record<string, unknown>,
): Promise<void> {
  const page = await ext.openExtensionPage('src/helper/index.html?e2e-seed=1');
  try {
    await page.evaluate(async (entries) => {
      type Area = {
        get(k: unknown): Promise<Record<string, unknown>>;
        set(v: object): Promise<void>;
        clear(): Promise<void>;
      };
      type Api = { storage: { sync: Area; local: Area } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const local = (await api.storage.local.get('presetsArea')).presetsArea === 'local';
      const area = local ? api.storage.local : api.storage.sync;
      await area.clear();
      if (local) await api.storage.local.set({ presetsArea: 'local' });
      await area.set(entries);
    }, items);
  } finally {
    await page.close();
  }
}

/** What the page's wizard shows: the current step and the Create step's summary rows. */
export async function wizardState(page: Page): Promise<{ step: string; summary: string[][] }> {
  return page.evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]');
    const step = dialog?.querySelector('[aria-current="step"]')?.textContent?.trim() ?? '';
    const summary = [...(dialog?.querySelectorAll('dt') ?? [])].map((dt) => [
      dt.textContent?.trim() ?? '',
      dt.nextElementSibling?.textContent?.trim() ?? '',
    ]);
    return { step, summary };
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The texts of the `<code>` elements of the page's success dialog ("Access Token Created"), as
 * this test reads the Auth Token to search for it. The wizard's own summary shows endpoint paths
 * in `<code>` too, so the dialog is found by its heading, not by role alone. Waits for it first.
 */
export async function successDialogCodes(page: Page, timeout = 10_000): Promise<string[]> {
  // Self-contained: puppeteer sends its source to the page. `present` asks only whether there
  // are any (an empty list would count as an answer).
  const read = (present: boolean) => {
    const codes = [...document.querySelectorAll('[role=dialog][aria-labelledby]')]
      .filter((d) =>
        /Access Token Created|アクセス トークンが作成されました/.test(
          document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
        ),
      )
      .flatMap((d) => [...d.querySelectorAll('code')].map((c) => c.textContent ?? ''));
    return present ? codes.length > 0 : codes;
  };
  await page.waitForFunction(read, { timeout }, true).catch(() => {});
  return (await page.evaluate(read, false)) as string[];
}
