import '../fakes/install';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogKey, loadCatalogs, saveCatalog } from '../../../src/platform/catalog';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

const T1 = new Date('2026-11-29T10:00:00.000Z');
const T2 = new Date('2026-11-30T10:00:00.000Z');
const offered = [
  { category: 'Reports', methods: ['GET' as const] },
  { category: 'Ads', methods: ['GET' as const, 'POST' as const] },
];

beforeEach(() => {
  resetFakeBrowser();
});

describe('scope catalog', () => {
  it('keeps what each account kind offered, and rewrites only when the offer changed', async () => {
    expect(await saveCatalog('partner', offered, T1)).toBe(true);
    expect(await saveCatalog('partner', offered, T2)).toBe(false);
    expect(fakeBrowser.storage.local.dump()[catalogKey('partner')]).toEqual({
      scopes: offered,
      seenAt: T1.toISOString(),
    });
    expect(await saveCatalog('partner', offered.slice(0, 1), T2)).toBe(true);
    expect(await loadCatalogs()).toEqual({
      partner: { scopes: offered.slice(0, 1), seenAt: T2.toISOString() },
    });
  });

  it('ignores a damaged catalog and refuses to store an empty or invalid one', async () => {
    await fakeBrowser.storage.local.set({ [catalogKey('brand')]: { scopes: 'nope' } });
    expect(await loadCatalogs()).toEqual({});
    expect(await saveCatalog('brand', [], T1)).toBe(false);
    expect(await saveCatalog('brand', [{ category: 'Ads', methods: ['PATCH' as never] }], T1)).toBe(
      false,
    );
    expect(fakeBrowser.storage.local.dump()[catalogKey('brand')]).toEqual({ scopes: 'nope' });
  });
});
