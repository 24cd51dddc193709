import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from '../../src/core/pack.ts';
import { type Preset, PresetSchema } from '../../src/core/preset.ts';
import { StoredPresetSchema } from '../../src/core/stored-preset.ts';
import { CURRENT_FORMAT_VERSION, toStorageItems } from '../../src/core/stored-state.ts';
import { startSim } from '../sim/server.mjs';
import { type BrowserName, targetBrowser } from './harness/browser-paths.ts';
import { type ExtensionBrowser, launchWithExtension } from './harness/launch.ts';
import { byRole, PARTNER_API_PATH } from './harness/session.ts';
import { openPreset, run, setText, settle, writeStoredItems } from './support/helper-ui.ts';
import { waitForLauncher } from './support/launcher-root.ts';

// A team pack crosses browsers: exported from the helper in one browser, pasted into the helper in
// the other, where the same presets must be stored and one of them must create exactly the token
// it describes (the simulation backend's record is the truth). This file launches BOTH browsers in
// every run; BROWSER picks the direction so each `npm test` run covers a different one:
//   BROWSER=firefox   export in Chromium, import and create in Firefox (the direction)
//   BROWSER=chromium  export in Firefox, import and create in Chromium
const TO: BrowserName = targetBrowser();
const FROM: BrowserName = TO === 'firefox' ? 'chromium' : 'firefox';

/** The presets a teammate has in FROM, normalized as the extension stores them. */
const PRESETS: Preset[] = [
  PresetSchema.parse({
    id: 'cross-rep',
    name: 'Cross-browser reporting',
    // No {date}/{account}: the token name is known exactly.
    nameTemplate: 'cross-browser-reporting',
    description: 'Reporting export shared across browsers.',
    version: '14',
    primaryContact: 'ben.carter@acme-media.example',
    developerEmails: ['dev.one@partner-dev.example', 'dev.two@partner-dev.example'],
    // Categories the simulation offers with these methods (Reports is GET-only by default).
    scopes: [
      { category: 'Accounts', methods: ['GET', 'PUT'] },
      { category: 'Ads', methods: ['GET'] },
      { category: 'Reports', methods: ['GET'] },
    ],
    updatedAt: '2026-11-20T09:30:00.000Z',
  }),
  PresetSchema.parse({
    id: 'cross-ads',
    name: 'Ads reader',
    nameTemplate: '{account}-ads-{date}',
    scopes: [{ category: 'Ads', methods: ['GET'] }],
    updatedAt: '2026-11-21T14:05:00.000Z',
  }),
];

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
let from: ExtensionBrowser | undefined;
let to: ExtensionBrowser | undefined;
/** The pack file's text as FROM's "Export all presets" produced it. */
let exported = '';
/** FROM's stored presets, read back after seeding. */
let fromPresets: unknown[] = [];

beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await from?.close();
  await to?.close();
  await sim?.close();
});

/**
 * The presets area the extension reads (sync unless it moved to local), from an extension page,
 * each item read back from its stored form (format 3 compacts endpoints) by core's own schema.
 */
async function storedPresets(page: Page): Promise<unknown[]> {
  const items = await page.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    type Api = { storage: { sync: Area; local: Area } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const local = await api.storage.local.get(null);
    const sync: Record<string, unknown> = await api.storage.sync.get(null).catch(() => ({}));
    const items = local.presetsArea === 'local' ? local : sync;
    const order = (items.meta as { order?: string[] } | undefined)?.order ?? [];
    return order.map((id) => items[`preset:${id}`]);
  });
  return items.map((item) => StoredPresetSchema.parse(item));
}

async function openTeam(helper: Page) {
  await helper.waitForSelector('details.team > summary');
  await helper.click('details.team > summary');
}

describe(`team pack across browsers (${FROM} → ${TO})`, () => {
  it(`exports the presets through ${FROM}'s helper`, async () => {
    from = await launchWithExtension(FROM, { simPort: sim.port });
    const ext = from;
    // Seed in the stored layout (core toStorageItems), into the area the extension reads.
    const items = toStorageItems({
      formatVersion: CURRENT_FORMAT_VERSION,
      presets: PRESETS,
      settings: { openAutomatically: true },
    });
    await writeStoredItems(ext, items);

    const helper = await ext.openExtensionPage('src/helper/index.html');
    fromPresets = await storedPresets(helper);
    expect(fromPresets).toEqual(PRESETS);

    // The real "Export all presets" button is clicked. It saves through <a download> on a Blob URL
    // (src/platform/files.ts); rather than fetch the file from each browser's download folder
    // (headless download handling differs between Chromium and Firefox), the page's anchor click is
    // intercepted and the Blob it points at is read: exactly the bytes the download would write.
    await helper.evaluate(() => {
      const w = window as unknown as { __ithExport?: Promise<string> };
      w.__ithExport = new Promise<string>((resolve) => {
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          if (!this.download) return click.call(this);
          void fetch(this.href)
            .then((r) => r.text())
            .then(resolve);
        };
      });
    });
    await openTeam(helper);
    await helper
      .locator(`${byRole('button', 'Export all presets')}:not([disabled])`)
      .setTimeout(15_000)
      .click();
    exported = await helper.evaluate(
      () => (window as unknown as { __ithExport: Promise<string> }).__ithExport,
    );
    // The file is the core pack of what FROM stored, updatedAt included.
    expect(exported).toBe(exportPack(PRESETS));
    await ext.close();
    from = undefined;
  }, 120_000);

  it(`imports the pack in ${TO} and stores the same presets`, async () => {
    expect(exported).not.toBe('');
    to = await launchWithExtension(TO, { simPort: sim.port });
    const page = await to.openPage(`https://app.impact.com${PARTNER_API_PATH}`);
    await waitForLauncher(page, { timeout: 15_000 });
    await settle(page);
    const helper = await to.openHelper(page);
    await openTeam(helper);
    await setText(helper, 'Paste share text or pack', exported);
    await helper.locator(byRole('button', 'Preview import')).click();
    await helper.locator(byRole('button', 'Import 2 presets')).setTimeout(15_000).click();
    // The pack carries id and updatedAt, and the importer keeps both (core import-plan.ts only
    // stamps presets that arrive without updatedAt): the stored presets equal FROM's exactly.
    await expect.poll(async () => storedPresets(helper), { timeout: 10_000 }).toEqual(fromPresets);
    await helper.close();
    await page.close();
  }, 120_000);

  it(`creates a token in ${TO} from an imported preset that matches the backend's record`, async () => {
    const ext = to;
    if (!ext) throw new Error(`${TO} was not launched: the import test failed`);
    sim.reset();
    const page = await ext.openPage(`https://app.impact.com${PARTNER_API_PATH}`);
    await waitForLauncher(page, { timeout: 15_000 });
    await settle(page);
    const helper = await ext.openHelper(page);
    await openPreset(helper, (PRESETS[0] as Preset).name);
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/Token created$/);
    const preset = PRESETS[0] as Preset;
    expect(
      sim.records().map(({ accountSid: _sid, createdAt: _at, grants: _grants, ...rest }) => rest),
    ).toEqual([
      {
        account: 'partner',
        name: 'cross-browser-reporting',
        description: preset.description,
        version: 14,
        primaryContact: preset.primaryContact,
        developerEmails: preset.developerEmails,
        // Whole methods are recorded as methods alone.
        scopes: preset.scopes.map(({ category, methods }) => ({ category, methods })),
      },
    ]);
    await helper.close();
    await page.close();
  }, 120_000);
});
