import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byRole, withSession } from './harness/session.ts';
import {
  BROWSER,
  fillForm,
  openApiPage,
  openPreset,
  run,
  type SeedPreset,
  seedPresets,
  sleep,
} from './support/helper-ui.ts';

// Issue 10, end to end: scopes granted per category and per endpoint. The simulation's scopes
// step lists one row per endpoint from impact.com's published OpenAPI documents (partner v16),
// and the backend records exactly which endpoints were ticked.
const s = withSession();

const REPORTS = '/Mediapartners/{AccountSID}/Reports';

/** "Actions GET" is six endpoints on the partner page; with one Reports endpoint, seven. */
const SEVEN_GRANTS = [
  'Actions GET /Mediapartners/{AccountSID}/ActionUpdates',
  'Actions GET /Mediapartners/{AccountSID}/ActionUpdates/{id}',
  'Actions GET /Mediapartners/{AccountSID}/Actions',
  'Actions GET /Mediapartners/{AccountSID}/Actions/{actionId}/Items/{sku}',
  'Actions GET /Mediapartners/{AccountSID}/Actions/{id}',
  'Actions GET /Mediapartners/{AccountSID}/Actions/{id}/Items',
  `Reports GET ${REPORTS}`,
];
const SEVEN_SCOPES = [
  { category: 'Actions', methods: ['GET'] },
  { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: REPORTS }] },
];

const PINNED: SeedPreset = {
  id: 'actions-and-one-report',
  name: 'Actions and one report',
  nameTemplate: 'E2E pinned {date}',
  scopes: [
    { category: 'Actions', methods: ['GET'] },
    // Stored as format 3 writes it: endpoints grouped by method.
    { category: 'Reports', endpoints: { GET: [REPORTS] } },
  ],
};

let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

async function apiPageWithHelper() {
  const page = await openApiPage(s);
  const helper = await s.ext.openHelper(page);
  pages.push(page, helper);
  return { page, helper };
}

const created = () => s.sim.records();

describe(`scopes per endpoint (${BROWSER})`, () => {
  it('"Actions GET" plus one pinned Reports endpoint, picked in the helper, creates exactly those 7 grants', async () => {
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, {
      name: 'E2E seven endpoint grants',
      scopes: [
        ['Actions', 'GET'],
        ['Reports', 'GET', REPORTS],
      ],
    });
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/Token created$/);
    expect(created()).toHaveLength(1);
    expect(created()[0]?.grants).toEqual(SEVEN_GRANTS);
    expect(created()[0]?.scopes).toEqual(SEVEN_SCOPES);
  });

  it('a stored preset with a pinned endpoint (storage format 3) creates the same token', async () => {
    await seedPresets(s, [PINNED], { defaultId: PINNED.id });
    const { page, helper } = await apiPageWithHelper();
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/Token created$/);
    expect(created().map((r) => r.grants)).toEqual([SEVEN_GRANTS]);
  });

  it('a pinned endpoint the page does not list stops, naming it, and nothing is created', async () => {
    s.sim.setScenario({ missingScope: { category: 'Reports', method: 'GET', path: REPORTS } });
    const { page, helper } = await apiPageWithHelper();
    await fillForm(helper, {
      name: 'E2E missing endpoint',
      scopes: [
        ['Actions', 'GET'],
        ['Reports', 'GET', REPORTS],
      ],
    });
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toBe(`Stopped: API scopes — Reports GET ${REPORTS} is not offered on this page`);
    await sleep(300);
    expect(created()).toEqual([]);
  });

  it('"Actions POST" (partner Actions has no POST endpoint) stops before anything is created', async () => {
    await seedPresets(
      s,
      [
        {
          id: 'actions-post',
          name: 'Actions write',
          nameTemplate: 'E2E actions post',
          scopes: [{ category: 'Actions', methods: ['GET', 'POST'] }],
        },
      ],
      { defaultId: 'actions-post' },
    );
    const { page, helper } = await apiPageWithHelper();
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toBe('Stopped: API scopes — Actions POST is not offered on this page');
    await sleep(300);
    expect(created()).toEqual([]);
  });

  it('a version 1 pack, imported and run, grants every endpoint of its methods', async () => {
    const { page, helper } = await apiPageWithHelper();
    await helper.waitForSelector('details.team > summary');
    await helper.click('details.team > summary');
    const v1 = JSON.stringify({
      format: 'impact-token-presets',
      version: 1,
      presets: [
        {
          id: 'v1-reports',
          name: 'Reports from a v1 pack',
          nameTemplate: 'E2E v1 pack',
          scopes: [{ category: 'Reports', methods: ['GET'] }],
        },
      ],
    });
    await helper.$eval(
      'textarea#import-text',
      (el, v) => {
        (el as HTMLTextAreaElement).value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      v1,
    );
    await helper.locator(byRole('button', 'Preview import')).click();
    await helper.locator(byRole('button', 'Import 1 preset')).click();
    await openPreset(helper, 'Reports from a v1 pack');
    const { status } = await run(helper, 'Fill and create', { front: page });
    expect(status).toMatch(/Token created$/);
    expect(created()).toMatchObject([
      {
        name: 'E2E v1 pack',
        scopes: [{ category: 'Reports', methods: ['GET'] }],
        grants: [
          'Reports GET /Mediapartners/{AccountSID}/ReportExport/{Id}',
          `Reports GET ${REPORTS}`,
          'Reports GET /Mediapartners/{AccountSID}/Reports/{Id}',
          'Reports GET /Mediapartners/{AccountSID}/Reports/{Id}/MetaData',
        ],
      },
    ]);
  });
});
