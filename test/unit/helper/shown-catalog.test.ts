import { describe, expect, it } from 'vitest';
import type { PageInfo } from '../../../src/core/protocol';
import { publicCatalog } from '../../../src/core/public-catalog';
import type { ScopeCatalog } from '../../../src/core/scopes';
import { resolvedVersion, shownCatalog } from '../../../src/helper/shown-catalog';
import type { Catalogs } from '../../../src/platform/catalog';

const P = '/Mediapartners/{AccountSID}';
const page = (over: Partial<PageInfo> = {}): PageInfo => ({
  detected: true,
  kind: 'partner',
  versions: ['16', '15'],
  ...over,
});
const seen = (version: string, catalog: ScopeCatalog, seenAt: string): Catalogs[number] => ({
  kind: 'partner',
  version,
  catalog,
  seenAt,
});
const ads: ScopeCatalog = [{ category: 'Ads', methods: ['GET'], endpoints: [] }];
const reports: ScopeCatalog = [{ category: 'Reports', methods: ['GET'], endpoints: [] }];

describe('the catalog the helper shows', () => {
  it('is the public catalog of the kind until a page was seen, partner when unknown', () => {
    expect(shownCatalog(undefined, [], 'latest')).toMatchObject({
      source: 'public',
      kind: 'partner',
      catalog: publicCatalog('partner'),
    });
    expect(shownCatalog(page({ kind: 'brand' }), [], 'latest').catalog).toBe(
      publicCatalog('brand'),
    );
  });

  it("is the one seen for the form's version, else the newest seen, else the open page's own", () => {
    const catalogs = [
      seen('15', ads, '2026-11-30T00:00:00.000Z'),
      seen('16', reports, '2026-11-29T00:00:00.000Z'),
    ];
    expect(resolvedVersion('latest', page())).toBe('16');
    expect(shownCatalog(page(), catalogs, 'latest')).toMatchObject({
      source: 'seen',
      version: '16',
      catalog: reports,
    });
    expect(shownCatalog(page(), catalogs, '15').catalog).toEqual(ads);
    expect(shownCatalog(page({ versions: undefined }), catalogs, 'latest').version).toBe('15');
    expect(shownCatalog(page({ scopes: ads }), catalogs, 'latest')).toMatchObject({
      source: 'page',
      catalog: ads,
    });
  });

  it('fills a category never switched on, and names rows shown by summary, from what is known', () => {
    const shown = shownCatalog(
      page({
        scopes: [
          { category: 'Actions', methods: [], endpoints: [], unseen: true },
          {
            category: 'Reports',
            methods: ['GET'],
            endpoints: [
              { method: 'GET', summary: 'List all available reports' },
              { method: 'GET', summary: 'Something new' },
            ],
          },
        ],
      }),
      [],
      'latest',
    );
    const [actions, rows] = shown.catalog;
    expect(actions).toMatchObject({ category: 'Actions', unseen: true });
    expect(actions?.endpoints).toHaveLength(6);
    expect(rows?.endpoints).toEqual([
      { method: 'GET', summary: 'List all available reports', path: `${P}/Reports` },
      { method: 'GET', summary: 'Something new' },
    ]);
  });
});
