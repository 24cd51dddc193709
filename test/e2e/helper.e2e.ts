import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byRole, withSession } from './harness/session.ts';
import {
  BROWSER,
  openApiPage,
  openPreset,
  panelFrame,
  run,
  type SeedPreset,
  seedPresets,
} from './support/helper-ui.ts';
import { clickLauncher, launcherState } from './support/launcher-root.ts';

// Issue 5: the helper as a person meets it. The API page opens the panel by itself; inside it, a
// team preset is chosen and "Fill and create" makes exactly that token (the simulation backend's
// record is the truth). The panel's own reading of the page is checked too: in Firefox it used to
// say "This tab is not an impact.com API settings page" on the API page.
const s = withSession();

const PRESETS: SeedPreset[] = [
  {
    id: 'reporting',
    name: 'Reporting (read-only)',
    nameTemplate: 'E2E {account} reporting',
    description: 'Read-only reporting export.',
    scopes: [
      { category: 'Actions', methods: ['GET'] },
      { category: 'Reports', methods: ['GET'] },
    ],
  },
  {
    id: 'ads-admin',
    name: 'Ads admin',
    nameTemplate: 'E2E Ads Admin',
    description: 'Manages media properties and action inquiries.',
    version: '15',
    primaryContact: 'diego.ramos@acme-media.example',
    developerEmails: ['ads.dev@agency.example', 'qa@agency.example'],
    scopes: [
      { category: 'Media Properties', methods: ['GET', 'POST', 'PUT'] },
      { category: 'Action Inquiries', methods: ['GET', 'POST'] },
    ],
  },
];

const recorded = () =>
  s.sim.records().map(({ accountSid: _sid, createdAt: _at, grants: _grants, ...rest }) => rest);

let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

/** Is the panel's iframe shown and of a usable size? */
const panelBox = async (page: Page) => {
  const state = await launcherState(page);
  return state?.panelShown ? { width: state.panelWidth, height: state.panelHeight } : null;
};
const expanded = async (page: Page) => (await launcherState(page))?.expanded;

describe(`helper UI (${BROWSER})`, () => {
  it('opens the panel by itself on the API page, and the panel reads the page', async () => {
    await seedPresets(s, []);
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    const box = await panelBox(page);
    expect(box?.width).toBeGreaterThanOrEqual(300);
    expect(box?.height).toBeGreaterThan(400);
    expect(await expanded(page)).toBe(true);
    // The panel asked its own tab's content script (through the background in Firefox).
    await panel.waitForFunction(
      () => document.body.textContent?.includes('Partner account: Acme Media (1234567)'),
      { timeout: 10_000, polling: 100 },
    );
    expect(await panel.evaluate(() => document.body.textContent)).not.toContain(
      'not an impact.com API settings page',
    );
    // No presets yet: the page can be read into one (the wizard's API page is recognised).
    expect(
      await panel.$(`${byRole('button', 'Save page selection as preset')}:not([disabled])`),
    ).not.toBeNull();
  });

  it('chooses a preset in the panel and creates exactly that token', async () => {
    await seedPresets(s, PRESETS);
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    await openPreset(panel, 'Ads admin');
    // The edit view shows the preset.
    await panel.waitForFunction(
      () =>
        (document.getElementById('token-name') as HTMLInputElement | null)?.value ===
        'E2E Ads Admin',
      { timeout: 5_000, polling: 50 },
    );
    const { status } = await run(panel, 'Fill and create');
    expect(status).toMatch(/Token created$/);
    expect(recorded()).toEqual([
      {
        account: 'partner',
        name: 'E2E Ads Admin',
        description: 'Manages media properties and action inquiries.',
        version: 15,
        primaryContact: 'diego.ramos@acme-media.example',
        developerEmails: ['ads.dev@agency.example', 'qa@agency.example'],
        // Page order.
        scopes: [
          { category: 'Action Inquiries', methods: ['GET', 'POST'] },
          { category: 'Media Properties', methods: ['GET', 'POST', 'PUT'] },
        ],
      },
    ]);
  });

  it('uses the default preset and expands {account} from the page', async () => {
    await seedPresets(s, PRESETS, { defaultId: 'reporting' });
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    const { status } = await run(panel, 'Fill and create');
    expect(status).toMatch(/Token created$/);
    expect(recorded()).toEqual([
      {
        account: 'partner',
        name: 'E2E Acme Media (1234567) reporting',
        description: 'Read-only reporting export.',
        version: 16,
        primaryContact: 'aiko.tanaka@acme-media.example',
        developerEmails: [],
        scopes: [
          { category: 'Actions', methods: ['GET'] },
          { category: 'Reports', methods: ['GET'] },
        ],
      },
    ]);
  });

  it('keeps the panel closed when "Open automatically" is off; the launcher opens it', async () => {
    await seedPresets(s, PRESETS, { openAutomatically: false });
    const page = await openApiPage(s);
    pages.push(page);
    // Give the content script time to (not) open it.
    await new Promise((r) => setTimeout(r, 500));
    expect(await panelBox(page)).toBeNull();
    expect(await expanded(page)).toBe(false);
    await clickLauncher(page);
    const panel = await panelFrame(page);
    expect(await panelBox(page)).not.toBeNull();
    await panel.waitForSelector(`${byRole('button', 'Fill and create')}:not([disabled])`, {
      timeout: 10_000,
    });
  });
});
