import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_PATHS, startSim } from '../sim/server.mjs';
import { DESKTOP_VIEWPORT, type ExtensionBrowser, launchWithExtension } from './harness/launch.ts';
import { byRole } from './harness/session.ts';
import { BROWSER, panelFrame, settle, writeStoredItems } from './support/helper-ui.ts';

/**
 * axe-core over every helper view, in light and dark, English and Japanese: 0 violations. axe runs
 * inside the page it audits (its source is injected with evaluate, as @axe-core/puppeteer does,
 * without that package's own browser download). The Team section is opened first, so its
 * contents are audited too. Firefox here has no Japanese language pack, so its "ja" run shows the
 * English fallback; it is audited all the same.
 */

const message = (lang: string, key: string): string =>
  JSON.parse(
    readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
  )[key].message;
const MESSAGES = Object.fromEntries(
  (['en', 'ja'] as const).map((lang) => [
    lang,
    {
      fillForm: message(lang, 'fillForm'),
      runReady: message(lang, 'runReady'),
      editPreset: message(lang, 'editPreset'),
      saveAsPreset: message(lang, 'saveAsPreset'),
    },
  ]),
) as Record<
  'en' | 'ja',
  { fillForm: string; runReady: string; editPreset: string; saveAsPreset: string }
>;

/** A button by its name in the helper's language, or in English (Firefox here falls back). */
const eitherLanguage = (lang: 'en' | 'ja', key: 'fillForm' | 'editPreset' | 'saveAsPreset') =>
  `${byRole('button', MESSAGES[lang][key])}:not([disabled]), ${byRole('button', MESSAGES.en[key])}:not([disabled])`;

/** Opens the preset `name` in the edit view, from its card's Edit button. */
async function openPresetView(doc: Page | Frame, lang: 'en' | 'ja', name: string): Promise<void> {
  const card = await doc.waitForSelector(byRole('article', name), { timeout: 15_000 });
  const edit = await card?.waitForSelector(eitherLanguage(lang, 'editPreset'));
  await edit?.click();
  await doc.waitForSelector('#edit-h', { timeout: 10_000 });
}

/**
 * Presses Tab until focus comes back round, checking each control's focus ring (3:1 against the
 * page) as it goes. Returns what was reached and what failed.
 */
async function tabThrough(popup: Page): Promise<{ seen: string[]; problems: string[] }> {
  const seen: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < 200; i++) {
    await popup.keyboard.press('Tab');
    const focus = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
          const x = v / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const bg = getComputedStyle(document.body).backgroundColor;
      const [hi, lo] = [lum(style.outlineColor), lum(bg)].sort((a, b) => b - a);
      return {
        what: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''} ${el.id} ${el.getAttribute('aria-describedby') ?? ''}`,
        ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
        contrast: ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05),
      };
    });
    if (!focus) continue;
    if (seen.includes(focus.what)) break;
    seen.push(focus.what);
    if (!focus.ring) problems.push(`${focus.what}: no focus ring`);
    else if (focus.contrast < 3)
      problems.push(`${focus.what}: focus ring contrast ${focus.contrast.toFixed(2)}`);
  }
  return { seen, problems };
}

const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

/**
 * axe cannot work out the contrast of text it sees overlapped (content scrolled under another
 * element) and leaves it "incomplete", unchecked. So the audit runs with the whole document in view
 * (a viewport as tall as the content), and anything still incomplete fails as well.
 */
async function showWhole(page: Page, doc: Page | Frame = page): Promise<void> {
  // The same for the scope picker's own scroll box: its rows out of view would stay unchecked.
  await doc.evaluate(() => {
    for (const box of document.querySelectorAll<HTMLElement>('ul.picker'))
      box.style.maxHeight = 'none';
  });
  const height = await doc.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewport()?.width ?? 400;
  await page.setViewport({ width, height: Math.max(height + 40, 600) });
  // Once more: the panel's iframe grows with the page, and its content may reflow.
  const after = await doc.evaluate(() => document.documentElement.scrollHeight);
  if (after > height) await page.setViewport({ width, height: after + 40 });
}

/** Each violation as one line: rule, impact, the elements (CSS paths) and what to fix. */
async function audit(doc: Page | Frame): Promise<string[]> {
  await doc.evaluate(AXE_SOURCE);
  return doc.evaluate(async () => {
    type Node = { target: unknown[]; failureSummary?: string };
    type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
    type Axe = {
      run(ctx: Document, o: object): Promise<{ violations: Result[]; incomplete: Result[] }>;
    };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const { violations, incomplete } = await axe.run(document, {});
    return [...violations, ...incomplete.map((v) => ({ ...v, id: `incomplete:${v.id}` }))].map(
      (v) => {
        const where = v.nodes.map((n) => n.target.join(' ')).join(', ');
        const fix = (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ');
        return `${v.id} (${v.impact}): ${v.help} at ${where}. ${fix}`;
      },
    );
  });
}

/** The audited document really is in the scheme under test (else dark would pass as light). */
async function expectScheme(doc: Page | Frame, scheme: 'light' | 'dark'): Promise<void> {
  const dark = await doc.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  expect(dark ? 'dark' : 'light').toBe(scheme);
}

/** Opens the Team section, so what it holds is rendered and audited too. */
async function openTeam(doc: Page | Frame): Promise<void> {
  await doc.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

const PRESETS = {
  meta: {
    formatVersion: 3,
    order: ['reporting', 'sync'],
    defaultPresetId: 'reporting',
    settings: { openAutomatically: true },
  },
  'preset:reporting': {
    id: 'reporting',
    name: 'Reporting (read-only)',
    nameTemplate: '{account}-reporting-{date}',
    description: 'Nightly reporting export.',
    version: 'latest',
    primaryContact: '',
    developerEmails: ['data-team@acme.example'],
    scopes: [{ category: 'Reports', methods: ['GET'] }],
    updatedAt: '2026-11-20T09:00:00.000Z',
  },
  'preset:sync': {
    id: 'sync',
    name: 'Conversions sync',
    nameTemplate: 'conversions-sync-{date}',
    description: '',
    version: 'latest',
    primaryContact: '',
    developerEmails: [],
    // Write scopes: the form shows its warnings, which must be legible too.
    scopes: [{ category: 'Actions', methods: ['GET', 'PUT', 'POST'] }],
    updatedAt: '2026-11-20T09:00:00.000Z',
  },
};

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim?.close();
});

for (const lang of ['en', 'ja'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`axe (${BROWSER}, ${lang}, ${colorScheme})`, () => {
      let ext: ExtensionBrowser;
      let apiPage: Page;
      beforeAll(async () => {
        ext = await launchWithExtension(BROWSER, { simPort: sim.port, lang, colorScheme });
        await writeStoredItems(ext, PRESETS);
        apiPage = await ext.openPage(`https://app.impact.com${SIM_PATHS.partnerApi}?lang=${lang}`);
      });
      afterAll(async () => {
        await ext?.close();
      });

      it('the in-page panel has no violations', async () => {
        const panel = await panelFrame(apiPage);
        await openTeam(panel);
        await expectScheme(panel, colorScheme);
        await showWhole(apiPage, panel);
        expect(await audit(panel)).toEqual([]);
        await apiPage.setViewport(DESKTOP_VIEWPORT);
      });

      it('the in-page panel has no violations once a run has filled the wizard', async () => {
        const panel = await panelFrame(apiPage);
        // The helper speaks en or ja (Firefox here falls back to en): press "Fill form" in either,
        // on the default preset's card (the first); the run view shows the run and its result.
        const fill = await panel.waitForSelector(eitherLanguage(lang, 'fillForm'), {
          timeout: 15_000,
        });
        await fill?.click();
        await panel.waitForFunction(
          (done) => done.includes(document.querySelector('[role="status"]')?.textContent ?? ''),
          { timeout: 60_000 },
          [MESSAGES[lang].runReady, MESSAGES.en.runReady],
        );
        await showWhole(apiPage, panel);
        expect(await audit(panel)).toEqual([]);
        await apiPage.setViewport(DESKTOP_VIEWPORT);
      });

      it('the toolbar popup has no violations: home, edit view, its "Save as preset" prompt', async () => {
        await settle(apiPage);
        const popup = await ext.openHelper(apiPage);
        await popup.setViewport({ width: 400, height: 600 });
        await popup.waitForSelector('[role="status"]', { timeout: 15_000 });
        await openTeam(popup);
        await expectScheme(popup, colorScheme);
        await showWhole(popup);
        expect(await audit(popup)).toEqual([]);
        // The second preset grants write scopes: its edit view shows their warnings.
        await popup.setViewport({ width: 400, height: 600 });
        await openPresetView(popup, lang, 'Conversions sync');
        await popup.waitForSelector('.warning', { timeout: 10_000 });
        await showWhole(popup);
        expect(await audit(popup)).toEqual([]);
        // The name prompt of "Save as preset".
        await (await popup.waitForSelector(eitherLanguage(lang, 'saveAsPreset')))?.click();
        await popup.waitForSelector('.name-prompt', { timeout: 10_000 });
        await showWhole(popup);
        expect(await audit(popup)).toEqual([]);
        await popup.close();
      });

      it('finds a planted violation, so a clean audit means something', async () => {
        const popup = await ext.openHelper(apiPage);
        await popup.waitForSelector('[role="status"]', { timeout: 15_000 });
        await popup.evaluate(() => {
          const grey = document.createElement('p');
          grey.textContent = 'faint';
          grey.style.color = '#777777';
          grey.style.background = '#888888';
          document.querySelector('main')?.prepend(grey, document.createElement('input'));
        });
        await showWhole(popup);
        const found = (await audit(popup)).map((line) => line.split(' ')[0] ?? '');
        expect(found).toContain('label');
        // Faint text fails either way: as a violation, or as "incomplete" where axe could not
        // tell its background (which this audit counts as a failure too).
        expect(found.filter((id) => id.endsWith('color-contrast'))).toHaveLength(1);
        await popup.close();
      });

      it('shows a focus ring of 3:1 contrast on every control reached by Tab, and announces the run status', async () => {
        const popup = await ext.openHelper(apiPage);
        await popup.setViewport({ width: 400, height: 600 });
        await popup.waitForSelector('[role="status"]', { timeout: 15_000 });
        await openTeam(popup);
        const home = await tabThrough(popup);
        // Every card's buttons, New preset, the settings and the Team section were reached.
        expect(home.seen.length).toBeGreaterThan(12);
        expect(home.problems).toEqual([]);
        // The edit view: every control of the form, the scope table and the preset's actions.
        await openPresetView(popup, lang, 'Reporting (read-only)');
        const edit = await tabThrough(popup);
        expect(edit.seen.length).toBeGreaterThan(40);
        expect(edit.problems).toEqual([]);
        // The run status is a live region from the start, so its changes are read out.
        const live = await popup.evaluate(() => ({
          status: document.querySelectorAll('[role="status"]').length,
          notices: document.querySelector('.notice-area')?.getAttribute('aria-live'),
        }));
        expect(live).toEqual({ status: 1, notices: 'polite' });
        await popup.close();
      });

      it('the helper on a tab that is not an impact.com API page has no violations', async () => {
        const other = await ext.openPage(`https://app.impact.com${SIM_PATHS.partnerHome}`);
        const popup = await ext.openHelper(other);
        // The explainer and its links to the partner and brand API pages are shown.
        await popup.waitForFunction(() => document.querySelectorAll('main a[href]').length >= 2, {
          timeout: 15_000,
        });
        await showWhole(popup);
        expect(await audit(popup)).toEqual([]);
        await popup.close();
        await other.close();
      });
    });
  }
}
