import '../fakes/install';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeCatalog } from '../../../src/core/scopes';
import {
  catalogFor,
  catalogKey,
  loadCatalogs,
  mergeSighting,
  saveCatalog,
} from '../../../src/platform/catalog';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

const T1 = new Date('2026-11-29T10:00:00.000Z');
const T2 = new Date('2026-11-30T10:00:00.000Z');
const P = '/Mediapartners/{AccountSID}';
const offered: ScopeCatalog = [
  {
    category: 'Reports',
    methods: ['GET'],
    endpoints: [
      { method: 'GET', path: `${P}/Reports`, summary: 'List all available reports' },
      { method: 'GET', path: `${P}/Reports/{Id}` },
    ],
  },
  { category: 'Ads', methods: ['GET', 'POST'], endpoints: [] },
];

beforeEach(() => {
  resetFakeBrowser();
});

describe('scope catalog', () => {
  it('keeps what each account kind offered per API version, and rewrites only on a change', async () => {
    expect(await saveCatalog('partner', '16', offered, T1)).toBe(true);
    expect(await saveCatalog('partner', '16', offered, T2)).toBe(false);
    expect(fakeBrowser.storage.local.dump()[catalogKey('partner', '16')]).toEqual({
      catalog: offered,
      seenAt: T1.toISOString(),
    });
    expect(await saveCatalog('partner', '15', offered.slice(1), T2)).toBe(true);
    const catalogs = await loadCatalogs();
    // Newest sighting first.
    expect(catalogs.map((c) => [c.kind, c.version])).toEqual([
      ['partner', '15'],
      ['partner', '16'],
    ]);
    expect(catalogFor(catalogs, 'partner', '16')?.catalog).toEqual(offered);
    // A version never seen (or "latest" unresolved): the newest sighting of the kind.
    expect(catalogFor(catalogs, 'partner', '14')?.version).toBe('15');
    expect(catalogFor(catalogs, 'brand')).toBeUndefined();
  });

  it('records which endpoints appeared and vanished since the sighting before', async () => {
    await saveCatalog('partner', '16', offered, T1);
    const [reports, ads] = offered;
    const next: ScopeCatalog = [
      {
        ...(reports as ScopeCatalog[number]),
        endpoints: [
          { method: 'GET', path: `${P}/Reports` },
          { method: 'GET', path: `${P}/Reports/{Id}/MetaData` },
        ],
      },
      ads as ScopeCatalog[number],
    ];
    expect(await saveCatalog('partner', '16', next, T2)).toBe(true);
    const [seen] = await loadCatalogs();
    expect(seen?.changes).toEqual([
      {
        category: 'Reports',
        appeared: [{ method: 'GET', path: `${P}/Reports/{Id}/MetaData` }],
        vanished: [{ method: 'GET', path: `${P}/Reports/{Id}` }],
      },
    ]);
  });

  it('keeps what a category offered when a later sighting never saw it switched on', async () => {
    await saveCatalog('partner', '16', offered, T1);
    const unseen: ScopeCatalog = [
      { category: 'Reports', methods: [], endpoints: [], unseen: true },
      offered[1] as ScopeCatalog[number],
    ];
    expect(mergeSighting(offered, unseen)).toEqual(offered);
    expect(await saveCatalog('partner', '16', unseen, T2)).toBe(false);
  });

  it('ignores damaged and earlier-layout catalogs, and refuses to store an invalid one', async () => {
    // The layout before endpoints: per kind, method grants only. Ignored, removed on next save.
    const legacy = { scopes: [{ category: 'Ads', methods: ['GET'] }], seenAt: T1.toISOString() };
    await fakeBrowser.storage.local.set({
      'catalog:partner': legacy,
      [catalogKey('brand', '14')]: { catalog: 'nope' },
    });
    expect(await loadCatalogs()).toEqual([]);
    expect(await saveCatalog('brand', '14', [], T1)).toBe(false);
    expect(
      await saveCatalog(
        'brand',
        '14',
        [{ category: 'Ads', methods: ['HEAD' as never], endpoints: [] }],
        T1,
      ),
    ).toBe(false);
    expect(fakeBrowser.storage.local.dump()[catalogKey('brand', '14')]).toEqual({
      catalog: 'nope',
    });
    expect(await saveCatalog('partner', '16', offered, T1)).toBe(true);
    expect(fakeBrowser.storage.local.dump()).not.toHaveProperty('catalog:partner');
  });
});
