import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPack, PACK_VERSION, parsePack } from '../../../src/core/pack';
import { PresetSchema } from '../../../src/core/preset';
import { publicCatalog } from '../../../src/core/public-catalog';
import { decodeShareText, encodeShareText, SHARE_TEXT_PREFIX } from '../../../src/core/share-text';
import { toStoredPreset } from '../../../src/core/stored-preset';
import {
  fromStorageItems,
  presetItemBytes,
  presetKey,
  SYNC_QUOTA,
  syncItemBytes,
  toStorageItems,
} from '../../../src/core/stored-state';
import { makePreset, presetArb } from './fixtures';

// Issue 10, formats: pack 2 and share text v2 carry pinned endpoints, version 1 still imports as
// it meant, storage format 3 compacts endpoints so every brand endpoint fits one sync item.

const REPORTS = '/Mediapartners/{AccountSID}/Reports';
const withEndpoints = makePreset({
  scopes: [
    { category: 'Actions', methods: ['GET'] },
    { category: 'Reports', endpoints: [{ method: 'GET', path: REPORTS }] },
  ],
});

const toBase64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('pack format 2', () => {
  it('writes version 2 with endpoint grants and reads them back exactly', () => {
    const text = exportPack([withEndpoints]);
    expect(JSON.parse(text).version).toBe(2);
    expect(text).toContain(REPORTS);
    expect(parsePack(text)).toEqual({
      ok: true,
      pack: { format: 'impact-token-presets', version: PACK_VERSION, presets: [withEndpoints] },
    });
  });

  it('reads a version 1 pack as method grants, and keeps its limits', () => {
    const v1 = (scopes: unknown) =>
      JSON.stringify({
        format: 'impact-token-presets',
        version: 1,
        presets: [{ id: 'a', name: 'A', nameTemplate: 'a', scopes }],
      });
    const read = parsePack(v1([{ category: 'Ads', methods: ['POST', 'GET'] }]));
    expect(read.ok && read.pack.presets[0]?.scopes).toEqual([
      { category: 'Ads', methods: ['GET', 'POST'], endpoints: [] },
    ]);
    expect(read.ok && read.pack.version).toBe(PACK_VERSION);
    // Version 1 had neither PATCH nor endpoint-only scopes.
    expect(parsePack(v1([{ category: 'Ads', methods: ['PATCH'] }]))).toEqual({
      ok: false,
      error: 'presets[0].scopes[0].methods[0]: expected GET, POST, PUT or DELETE',
    });
    expect(
      parsePack(v1([{ category: 'Ads', endpoints: [{ method: 'GET', path: '/x' }] }])).ok,
    ).toBe(false);
  });

  it('round-trips any preset, endpoint grants included (property)', () => {
    fc.assert(
      fc.property(presetArb, (preset) => {
        const read = parsePack(exportPack([preset]));
        expect(read.ok && read.pack.presets[0]).toEqual(preset);
      }),
      { numRuns: 300 },
    );
  });
});

describe('share text v2', () => {
  it('writes v2 and round-trips any preset (property)', () => {
    fc.assert(
      fc.property(presetArb, (preset) => {
        const line = encodeShareText(preset);
        expect(line.startsWith(SHARE_TEXT_PREFIX)).toBe(true);
        const read = decodeShareText(line);
        expect(read.ok && read.pack.presets[0]).toEqual(preset);
      }),
      { numRuns: 300 },
    );
    expect(SHARE_TEXT_PREFIX).toBe('impact-token-preset:v2:');
  });

  it('still reads a v1 line, meaning what it meant', () => {
    const json = JSON.stringify({
      id: 'r',
      name: 'R',
      nameTemplate: 'r',
      scopes: [{ category: 'Reports', methods: ['GET'] }],
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    const read = decodeShareText(`impact-token-preset:v1:${toBase64Url(json)}`);
    expect(read.ok && read.pack.presets[0]?.scopes).toEqual([
      { category: 'Reports', methods: ['GET'], endpoints: [] },
    ]);
    const pinned = json.replace('"methods":["GET"]', `"endpoints":[{"method":"GET","path":"/x"}]`);
    expect(decodeShareText(`impact-token-preset:v1:${toBase64Url(pinned)}`).ok).toBe(false);
  });
});

describe('storage format 3', () => {
  it('stores pinned endpoints grouped by method, relative to the common root', () => {
    const stored = toStoredPreset(withEndpoints);
    expect(stored.pathRoot).toBeUndefined(); // one pinned path: nothing to share
    const two = makePreset({
      scopes: [
        { category: 'Reports', endpoints: [{ method: 'GET', path: REPORTS }] },
        {
          category: 'Actions',
          endpoints: [
            { method: 'PUT', path: '/Mediapartners/{AccountSID}/Actions' },
            { method: 'GET', path: '/PageLoad' },
          ],
        },
      ],
    });
    const compact = toStoredPreset(two);
    expect(compact.pathRoot).toBe('/Mediapartners/{AccountSID}');
    expect(compact.scopes).toEqual([
      { category: 'Reports', endpoints: { GET: ['Reports'] } },
      { category: 'Actions', endpoints: { GET: ['/PageLoad'], PUT: ['Actions'] } },
    ]);
    const items = toStorageItems({
      formatVersion: 3,
      presets: [two],
      settings: { openAutomatically: true },
    });
    expect(fromStorageItems(items).state.presets).toEqual([two]);
  });

  it('fits a preset with every Brand API v14 endpoint pinned into one sync item', () => {
    const brand = publicCatalog('brand');
    const everything = makePreset({
      id: 'every-brand-endpoint-pinned-with-a-long-id-0123456789abcdefghijk',
      name: 'x'.repeat(100),
      nameTemplate: 'y'.repeat(200),
      description: 'z'.repeat(1000),
      developerEmails: Array.from(
        { length: 20 },
        (_, i) => `developer${i}@integration-partner.example`,
      ),
      scopes: brand.map((c) => ({
        category: c.category,
        endpoints: c.endpoints.map((e) => ({ method: e.method, path: e.path as string })),
      })),
    });
    const pinned = everything.scopes.reduce((n, s) => n + s.endpoints.length, 0);
    expect(pinned).toBe(117);
    const bytes = presetItemBytes(everything);
    // Measured: the same preset as plain JSON is over the limit.
    const plain = syncItemBytes(presetKey(everything.id), everything);
    expect(plain).toBeGreaterThan(SYNC_QUOTA.bytesPerItem);
    expect(bytes).toBeLessThan(SYNC_QUOTA.bytesPerItem);
    console.log(
      `117 pinned brand endpoints, every field at its limit: ${bytes} B stored (${plain} B as plain JSON)`,
    );
    const items = toStorageItems({
      formatVersion: 3,
      presets: [everything],
      settings: { openAutomatically: true },
    });
    expect(fromStorageItems(JSON.parse(JSON.stringify(items))).state.presets).toEqual([everything]);
  });

  it('round-trips any preset through its stored form (property)', () => {
    fc.assert(
      fc.property(presetArb, (preset) => {
        const stored = JSON.parse(JSON.stringify(toStoredPreset(preset)));
        const items = {
          meta: { formatVersion: 3, order: [preset.id], settings: { openAutomatically: true } },
          [presetKey(preset.id)]: stored,
        };
        expect(fromStorageItems(items).state.presets).toEqual([PresetSchema.parse(preset)]);
      }),
      { numRuns: 300 },
    );
  });

  it('migrates format 2 items: same presets, method grants, written back as format 3', () => {
    const v2 = {
      meta: { formatVersion: 2, order: ['r'], settings: { openAutomatically: false } },
      'preset:r': {
        id: 'r',
        name: 'R',
        nameTemplate: 'r',
        description: '',
        version: 'latest',
        primaryContact: '',
        developerEmails: [],
        scopes: [{ category: 'Reports', methods: ['GET'] }],
        updatedAt: '2024-01-01T00:00:00.000Z',
      },
    };
    const result = fromStorageItems(v2);
    expect(result.migratedFrom).toBe(2);
    expect(result.unreadable).toEqual([]);
    expect(result.state.formatVersion).toBe(3);
    expect(result.state.presets[0]?.scopes).toEqual([
      { category: 'Reports', methods: ['GET'], endpoints: [] },
    ]);
    expect(result.state.settings.openAutomatically).toBe(false);
    // A format 2 preset with a method format 2 did not know is refused, not half-read, and left
    // where it is (listed as unreadable).
    const bad = structuredClone(v2);
    bad['preset:r'].scopes[0] = { category: 'Reports', methods: ['PATCH'] };
    const read = fromStorageItems(bad);
    expect(read.state.presets).toEqual([]);
    expect(read.unreadable).toMatchObject([
      { id: 'r', error: expect.stringMatching(/version 2 data/) },
    ]);
  });
});
