import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byRole, withSession } from './harness/session.ts';
import {
  BROWSER,
  fillForm,
  openApiPage,
  panelFrame,
  run,
  sleep,
  type TokenSpec,
  wizardState,
} from './support/helper-ui.ts';

// Issue 4: the driver, end to end through the helper's own UI, against the simulated impact.com.
// The simulation backend's record of what was created is the truth every test asserts on.
const s = withSession();

const ACCOUNT_USERS = {
  aiko: 'aiko.tanaka@acme-media.example',
  ben: 'ben.carter@acme-media.example',
  chloe: 'chloe.dubois@acme-media.example',
};

/**
 * A non-default version, a chosen contact, two developer emails, 6 method grants in 3 categories
 * (on the per-endpoint page: every endpoint of each of those methods).
 */
const FULL: TokenSpec = {
  name: 'E2E Reporting Export',
  description: 'Nightly export of partner reports to the warehouse.',
  version: '14',
  contact: 'Ben Carter',
  emails: ['dev.one@partner-dev.example', 'dev.two@partner-dev.example'],
  scopes: [
    ['Media Properties', 'GET'],
    ['Media Properties', 'POST'],
    ['Media Properties', 'DELETE'],
    ['Jobs', 'GET'],
    ['Jobs', 'PUT'],
    ['Reports', 'GET'],
  ],
};

/** What the backend must have recorded for FULL (categories in page order, methods in order). */
const FULL_RECORD = {
  account: 'partner',
  name: FULL.name,
  description: FULL.description,
  version: 14,
  primaryContact: ACCOUNT_USERS.ben,
  developerEmails: FULL.emails,
  scopes: [
    { category: 'Jobs', methods: ['GET', 'PUT'] },
    { category: 'Media Properties', methods: ['GET', 'POST', 'DELETE'] },
    { category: 'Reports', methods: ['GET'] },
  ],
  // Every endpoint of those methods the page lists (the public catalog, partner v16).
  grants: [
    'Jobs GET /Mediapartners/{AccountSID}/Jobs',
    'Jobs GET /Mediapartners/{AccountSID}/Jobs/{JobId}',
    'Jobs GET /Mediapartners/{AccountSID}/Jobs/{JobId}/Download',
    'Jobs PUT /Mediapartners/{AccountSID}/Jobs/{JobId}/Replay',
    'Media Properties DELETE /Mediapartners/{AccountSID}/MediaProperties/{Id}',
    'Media Properties GET /Mediapartners/{AccountSID}/MediaProperties',
    'Media Properties GET /Mediapartners/{AccountSID}/MediaProperties/{Id}',
    'Media Properties POST /Mediapartners/{AccountSID}/MediaProperties',
    'Reports GET /Mediapartners/{AccountSID}/ReportExport/{Id}',
    'Reports GET /Mediapartners/{AccountSID}/Reports',
    'Reports GET /Mediapartners/{AccountSID}/Reports/{Id}',
    'Reports GET /Mediapartners/{AccountSID}/Reports/{Id}/MetaData',
  ],
};

const recorded = () => s.sim.records().map(({ accountSid: _sid, createdAt: _at, ...rest }) => rest);

let pages: Page[] = [];
async function apiPageWithHelper(query?: Record<string, string>) {
  const page = await openApiPage(s, query);
  const helper = await s.ext.openHelper(page);
  pages.push(page, helper);
  return { page, helper };
}

beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

describe(`driver through the helper (${BROWSER})`, () => {
  it('creates exactly the requested token: version, contact, emails, 6 scopes in 3 categories', async () => {
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, FULL);
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/Token created$/);
    expect(recorded()).toEqual([FULL_RECORD]);
  });

  it('creates the same token on the Japanese page', async () => {
    s.sim.setScenario({ lang: 'ja' });
    const { page, helper } = await apiPageWithHelper();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await fillForm(helper, { ...FULL, name: 'E2E 日本語 トークン', contact: ACCOUNT_USERS.chloe });
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/Token created$/);
    expect(recorded()).toEqual([
      { ...FULL_RECORD, name: 'E2E 日本語 トークン', primaryContact: ACCOUNT_USERS.chloe },
    ]);
  });

  it('creates through the in-page panel as well', async () => {
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    await fillForm(panel, { ...FULL, name: 'E2E Panel Token' });
    const { status } = await run(panel, 'Fill and create');
    expect(status).toMatch(/Token created$/);
    expect(recorded()).toEqual([{ ...FULL_RECORD, name: 'E2E Panel Token' }]);
  });

  it('review mode fills every step and waits on Create without creating', async () => {
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, FULL);
    const { status } = await run(helper, 'Fill form', { front: page });
    expect(status).toMatch(/Ready for review$/);
    const state = await wizardState(page);
    expect(state.step).toBe('Create');
    expect(Object.fromEntries(state.summary)).toMatchObject({
      'Token Name': FULL.name,
      Description: FULL.description,
      'API Version': 'Version 14',
      'Primary Contact': `Ben Carter <${ACCOUNT_USERS.ben}>`,
      'Developer emails': FULL.emails?.join(', '),
      Scopes: expect.stringMatching(
        /Jobs\s*GET, PUT\s*Media Properties\s*GET, POST, DELETE\s*Reports\s*GET/,
      ),
    });
    // The live controls hold the values too: back on Setup, the textboxes are filled.
    for (let i = 0; i < 3; i++) {
      const before = (await wizardState(page)).step;
      await page.locator(byRole('button', 'Back')).click();
      await page.waitForFunction(
        (prev) => document.querySelector('[aria-current="step"]')?.textContent?.trim() !== prev,
        {},
        before,
      );
    }
    expect((await wizardState(page)).step).toBe('Setup');
    const values = await page.evaluate(() => {
      const byLabel = (text: string) => {
        const label = [...document.querySelectorAll('label')].find(
          (l) => l.textContent?.trim() === text,
        );
        return (document.getElementById(label?.htmlFor ?? '') as HTMLInputElement | null)?.value;
      };
      return { name: byLabel('Token Name'), description: byLabel('Description') };
    });
    expect(values).toEqual({ name: FULL.name, description: FULL.description });
    await sleep(500);
    expect(recorded()).toEqual([]);
  });

  it('stops on a requested scope the page does not offer, naming it, and creates nothing', async () => {
    // A grant no other test asks for: the helper keeps the list this page showed (without it),
    // and later tests must still find their own boxes.
    s.sim.setScenario({ missingScope: { category: 'Tax Documents', method: 'POST' } });
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, { ...FULL, scopes: [...FULL.scopes, ['Tax Documents', 'POST']] });
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/^Stopped: API scopes — Tax Documents POST .*not offered/);
    await sleep(300);
    expect(recorded()).toEqual([]);
  });

  it('stops on a renamed label, naming it, and creates nothing', async () => {
    s.sim.setScenario({ renameLabel: { key: 'tokenName', to: 'Token Title' } });
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, FULL);
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/^Stopped: Setup — .*Token Name/);
    await sleep(300);
    expect(recorded()).toEqual([]);
  });

  for (const field of ['description', 'primaryContact'] as const) {
    it(`a late reset of ${field} never yields a wrong token`, async () => {
      s.sim.setScenario({ lateReset: { field, afterMs: 600 } });
      const { page, helper } = await apiPageWithHelper();
      await fillForm(helper, FULL);
      const { status } = await run(helper, 'Fill and create', { front: page });
      const records = recorded();
      console.log(`[late reset of ${field}, ${BROWSER}] ${status}`);
      if (/Token created$/.test(status)) expect(records).toEqual([FULL_RECORD]);
      else {
        expect(status).toMatch(/^Stopped:/);
        expect(records).toEqual([]);
      }
    });
  }

  it("reports the page's own error for a duplicate name", async () => {
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, { ...FULL, name: 'Existing Reporting Token' });
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/^Stopped: Setup — .*A token with this name already exists\./);
    expect(recorded()).toEqual([]);
  });
});

describe(`fill-and-create timing (${BROWSER})`, () => {
  // Through the in-page panel (opened by itself), the page visible beside it: how people use it.
  // The page's own share is measured by the same runs with the simulation's latency set to 0.
  it('measures click → "Token created", and the share that is the page’s own latency', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const measure = async (query: Record<string, string> | undefined, n: number) => {
      const totals: number[] = [];
      const open: number[] = [];
      for (let i = 0; i < n; i++) {
        s.sim.reset();
        const page = await openApiPage(s, query);
        const panel = await panelFrame(page);
        await fillForm(panel, { ...FULL, name: `E2E Timing ${i}` });
        const { status, ms } = await run(panel, 'Fill and create');
        expect(status).toMatch(/Token created$/);
        expect(recorded()).toEqual([{ ...FULL_RECORD, name: `E2E Timing ${i}` }]);
        const t = await page.evaluate(
          () => (window as unknown as { __sim: { timings: Record<string, number> } }).__sim.timings,
        );
        totals.push(ms);
        open.push((t.created ?? 0) - (t.wizardOpen ?? 0));
        await page.close();
      }
      return { total: median(totals), wizardOpen: median(open), totals };
    };
    const normal = await measure(undefined, 3);
    const instant = await measure({ latency: '0' }, 3);
    const pageLatency = Math.max(0, normal.total - instant.total);
    const runs = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    console.log(
      `[timing ${BROWSER}] Fill and create → Token created, median of 3: ${Math.round(normal.total)} ms ` +
        `(runs ${runs(normal.totals)}; the wizard was open ${Math.round(normal.wizardOpen)} ms of it). ` +
        `With the page's latency at 0: ${Math.round(instant.total)} ms (runs ${runs(instant.totals)}). ` +
        `Page's own latency ≈ ${Math.round(pageLatency)} ms = ${Math.round((100 * pageLatency) / normal.total)}% of the total.`,
    );
    expect(normal.total).toBeGreaterThan(instant.total);
  }, 240_000);
});
