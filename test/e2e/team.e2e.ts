import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { byRole, LAUNCHER, PARTNER_API_PATH, withSession } from './harness/session.ts';

// Team features in the real browser, through the helper page as a person uses it: a pack is
// imported (pasted, then from a file with a clash resolved), and a token created on the simulated
// wizard lands in the audit log. Outcomes are read back from the extension's own storage.
const s = withSession();
const BROWSER = process.env.BROWSER ?? 'chromium';

const scratch = mkdtempSync(join(tmpdir(), 'ith-team-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const preset = (id: string, name: string, scopes: { category: string; methods: string[] }[]) => ({
  id,
  name,
  nameTemplate: `${id}-{date}`,
  scopes,
});
const pack = (presets: unknown[]) =>
  JSON.stringify({ format: 'impact-token-presets', version: 1, presets }, null, 2);

/** Everything the extension stored, read in an extension page (the helper page itself). */
async function readStorage(page: Page) {
  return page.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    type Api = { storage: { sync: Area; local: Area } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const local = await api.storage.local.get(null);
    // Sync may be unavailable (a browser without an account): then presets live in local.
    const sync: Record<string, unknown> = await api.storage.sync.get(null).catch(() => ({}));
    return { sync, local };
  });
}

/** Stored presets in list order, wherever the extension keeps them. */
async function storedPresets(page: Page) {
  const { sync, local } = await readStorage(page);
  const items = local.presetsArea === 'local' ? local : sync;
  const order = (items.meta as { order?: string[] } | undefined)?.order ?? [];
  return order.map((id) => items[`preset:${id}`] as { id: string; name: string; scopes: unknown });
}

/** Sets a textarea the way typing does (value, then `input`), without typing a long pack key by key. */
async function setText(page: Page, selector: string, value: string) {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLTextAreaElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** The impact.com API page, once the extension has detected it (its launcher is shown). */
async function openApiPage() {
  const page = await s.open(PARTNER_API_PATH);
  await page.waitForSelector(LAUNCHER, { timeout: 15_000 });
  return page;
}

async function openTeam(helper: Page) {
  await helper.waitForSelector('details.team > summary');
  await helper.click('details.team > summary');
}

describe(`team features (${BROWSER})`, () => {
  it('imports a pack through the helper page, resolving a clash, and stores the presets', async () => {
    const page = await openApiPage();
    const helper = await s.ext.openHelper(page);
    await openTeam(helper);

    await setText(
      helper,
      'textarea#import-text',
      pack([
        preset('rep', 'Reporting', [{ category: 'Reports', methods: ['GET'] }]),
        preset('ads', 'Ads reader', [{ category: 'Ads', methods: ['GET'] }]),
      ]),
    );
    await helper.locator(byRole('button', 'Preview import')).click();
    await helper.waitForSelector(byRole('group', '“Reporting” is new'));
    await helper.locator(byRole('button', 'Import 2 presets')).click();
    await expect
      .poll(async () => (await storedPresets(helper)).map((p) => p.name), { timeout: 10_000 })
      .toEqual(['Reporting', 'Ads reader']);

    // A teammate's updated file: Reporting gains a scope (same id), plus a new preset.
    const file = join(scratch, 'team-pack.json');
    writeFileSync(
      file,
      pack([
        preset('rep', 'Reporting', [{ category: 'Reports', methods: ['GET', 'POST'] }]),
        preset('clk', 'Clicks', [{ category: 'Clicks', methods: ['GET'] }]),
      ]),
    );
    const input = await helper.waitForSelector('input[type="file"]');
    await input?.uploadFile(file);
    await helper.waitForSelector(byRole('heading', 'Preview of “team-pack.json”'));
    await helper.locator(byRole('radio', 'Replace')).click();
    await helper.locator(byRole('button', 'Import 2 presets')).click();
    await expect
      .poll(async () => storedPresets(helper), { timeout: 10_000 })
      .toEqual([
        expect.objectContaining({
          id: 'rep',
          name: 'Reporting',
          scopes: [{ category: 'Reports', methods: ['GET', 'POST'] }],
        }),
        expect.objectContaining({ id: 'ads', name: 'Ads reader' }),
        expect.objectContaining({ id: 'clk', name: 'Clicks' }),
      ]);
    await helper.close();
    await page.close();
  });

  it('records a token created on the wizard in the audit log, without its secret', async () => {
    s.sim.reset();
    const page = await openApiPage();
    const helper = await s.ext.openHelper(page);
    const name = `audit-e2e-${Date.now()}`;
    await helper.locator(byRole('textbox', 'Token name')).fill(name);
    await helper.locator(byRole('checkbox', 'Reports GET')).click();
    await helper.locator(byRole('button', 'Fill and create')).click();
    await helper.waitForFunction(
      () =>
        /Token created$|^Stopped:/.test(
          document.querySelector('[role="status"]')?.textContent ?? '',
        ),
      { timeout: 60_000 },
    );
    expect(await helper.$eval('[role="status"]', (el) => el.textContent)).toMatch(/Token created$/);
    expect(s.sim.records().map((r) => r.name)).toEqual([name]);

    await expect
      .poll(async () => (await readStorage(helper)).local.auditLog, { timeout: 10_000 })
      .toEqual([
        {
          name,
          version: 'latest',
          scopes: [{ category: 'Reports', methods: ['GET'] }],
          account: expect.any(String),
          accountKind: 'partner',
          time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          mode: 'create',
        },
      ]);
    // The page shows the new token's Account SID and Auth Token; the extension stored neither.
    const secrets = await page.$$eval('code', (codes) => codes.map((c) => c.textContent ?? ''));
    expect(secrets).toHaveLength(2);
    expect(secrets[0]).toBe(s.sim.records()[0]?.accountSid);
    const stored = JSON.stringify(await readStorage(helper));
    for (const secret of secrets) expect(stored).not.toContain(secret);

    // The helper lists it in the Team section.
    await openTeam(helper);
    await helper.waitForSelector(`ol.audit ::-p-text(${name})`, { timeout: 10_000 });
    await helper.close();
    await page.close();
  });
});
