import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  CURRENT_FORMAT_VERSION,
  defaultState,
  fitsSyncQuota,
  fromStorageItems,
  LEGACY_STATE_KEY,
  loadState,
  META_KEY,
  presetItemBytes,
  type StoredState,
  staleStorageKeys,
  syncItemBytes,
  syncRoomWith,
  toStorageItems,
} from '../../../src/core/stored-state';
import { makePreset, presetListArb } from './fixtures';

// Property runs take well under a second idle; CI boxes shared with other jobs can be far slower.
vi.setConfig({ testTimeout: 30_000 });

const stateWith = (overrides: Partial<StoredState> = {}): StoredState => ({
  formatVersion: CURRENT_FORMAT_VERSION,
  presets: [makePreset(), makePreset({ id: 'ads-admin', name: 'Ads admin' })],
  defaultPresetId: 'ads-admin',
  settings: { openAutomatically: true },
  ...overrides,
});

describe('loadState', () => {
  it('starts from the default state when nothing is stored', () => {
    expect(loadState(undefined)).toEqual({ state: defaultState() });
    expect(loadState(null)).toEqual({ state: defaultState() });
  });

  it('reads a current state as is', () => {
    const state = stateWith();
    expect(loadState(JSON.parse(JSON.stringify(state)))).toEqual({ state });
  });

  it('fills in missing settings with their defaults', () => {
    const { settings: _, ...withoutSettings } = stateWith();
    expect(loadState(withoutSettings).state.settings).toEqual({ openAutomatically: true });
  });

  it('drops a default that points at no preset instead of refusing the state', () => {
    const result = loadState(stateWith({ defaultPresetId: 'gone' }));
    expect(result.quarantined).toBeUndefined();
    expect(result.state.defaultPresetId).toBeUndefined();
    expect(result.state.presets).toHaveLength(2);
  });

  it('quarantines invalid data with a readable error and keeps it untouched', () => {
    const raw = stateWith();
    const broken = { ...raw, presets: [raw.presets[0], { ...raw.presets[1], scopes: 'all' }] };
    const snapshot = JSON.stringify(broken);
    const result = loadState(broken);
    expect(result.state).toEqual(defaultState());
    expect(result.quarantined).toEqual({
      raw: broken,
      error: 'presets[1].scopes: Invalid input: expected array, received string',
      reason: 'invalid',
    });
    expect(JSON.stringify(broken)).toBe(snapshot);
  });

  it('quarantines duplicate ids', () => {
    const state = stateWith({ presets: [makePreset(), makePreset({ name: 'Other' })] });
    expect(loadState(state).quarantined?.error).toBe('presets[1].id: duplicate id "reporting"');
  });

  it('quarantines non-objects and nonsense versions', () => {
    for (const raw of ['text', 42, [], { formatVersion: 'two' }, { formatVersion: 0 }])
      expect(loadState(raw).quarantined?.reason).toBe('invalid');
  });

  it('marks data from a newer extension so it is not saved over', () => {
    const result = loadState({ formatVersion: CURRENT_FORMAT_VERSION + 1, presets: [] });
    expect(result.quarantined).toMatchObject({ reason: 'newer-format' });
    expect(result.quarantined?.error).toMatch(/newer version of the extension/);
  });
});

describe('storage items', () => {
  it('splits the state into a meta item and one item per preset', () => {
    const items = toStorageItems(stateWith());
    expect(Object.keys(items).sort()).toEqual(['meta', 'preset:ads-admin', 'preset:reporting']);
    expect(items[META_KEY]).toEqual({
      formatVersion: CURRENT_FORMAT_VERSION,
      revision: 0,
      order: ['reporting', 'ads-admin'],
      defaultPresetId: 'ads-admin',
      settings: { openAutomatically: true },
    });
  });

  it('round-trips any state through storage items (order kept)', () => {
    fc.assert(
      fc.property(presetListArb, fc.boolean(), (presets, open) => {
        const state: StoredState = {
          formatVersion: CURRENT_FORMAT_VERSION,
          presets,
          ...(presets[0] ? { defaultPresetId: presets[0].id } : {}),
          settings: { openAutomatically: open },
        };
        // Through JSON, as storage.sync stores it.
        const stored = JSON.parse(JSON.stringify(toStorageItems(state)));
        const read = fromStorageItems(stored);
        expect(read.state).toEqual(state);
        expect(read.unreadable).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reads an empty store as a fresh install', () => {
    for (const items of [{}, { unrelated: 1 }])
      expect(fromStorageItems(items)).toEqual({
        state: defaultState(),
        revision: 0,
        unreadable: [],
        readKeys: [],
      });
  });

  it('keeps presets whose meta update has not synced yet', () => {
    const items = toStorageItems(stateWith());
    const newer = makePreset({ id: 'new-one', name: 'New one' });
    const partial = { ...items, 'preset:new-one': newer };
    expect(fromStorageItems(partial).state.presets.map((p) => p.id)).toEqual([
      'reporting',
      'ads-admin',
      'new-one',
    ]);
    const { meta: _, ...withoutMeta } = items;
    expect(fromStorageItems(withoutMeta).state.presets.map((p) => p.id)).toEqual([
      'ads-admin',
      'reporting',
    ]);
  });

  it('skips ids in the order whose item is missing', () => {
    const { 'preset:reporting': _, ...items } = toStorageItems(stateWith());
    const result = fromStorageItems(items);
    expect(result.unreadable).toEqual([]);
    expect(result.state.presets.map((p) => p.id)).toEqual(['ads-admin']);
  });

  it('reads every other item when one is broken, and lists the broken one in place', () => {
    const items = { ...toStorageItems(stateWith()), 'preset:reporting': { id: 'reporting' } };
    const result = fromStorageItems(items);
    expect(result.state.presets.map((p) => p.id)).toEqual(['ads-admin']);
    expect(result.unreadable).toEqual([
      { id: 'reporting', keys: ['preset:reporting'], error: expect.stringMatching(/^name: /) },
    ]);
    expect(result.readKeys).not.toContain('preset:reporting');
  });

  it('refuses an item holding another id (a duplicate) without dropping the original', () => {
    const items = { ...toStorageItems(stateWith()), 'preset:copy': makePreset() };
    const result = fromStorageItems(items);
    expect(result.state.presets.map((p) => p.id)).toEqual(['reporting', 'ads-admin']);
    expect(result.unreadable).toMatchObject([{ id: 'copy', error: /holds id "reporting"/ }]);
  });

  it('reads the presets but defaults a bad meta field, and says so', () => {
    const items = toStorageItems(stateWith());
    const bad = {
      ...items,
      meta: { ...(items.meta as object), settings: { openAutomatically: 'yes' } },
    };
    const result = fromStorageItems(bad);
    expect(result.state.presets).toHaveLength(2);
    expect(result.state.defaultPresetId).toBe('ads-admin');
    expect(result.state.settings.openAutomatically).toBe(true);
    expect(result.metaProblem).toMatch(/settings\.openAutomatically/);
    expect(fromStorageItems({ ...items, meta: '{"formatVers' }).state.presets).toHaveLength(2);
  });

  it('marks a meta from a newer format, so nothing is written over it', () => {
    const items = toStorageItems(stateWith());
    const result = fromStorageItems({
      ...items,
      meta: { ...(items.meta as object), formatVersion: CURRENT_FORMAT_VERSION + 1 },
    });
    expect(result.newer).toMatch(/newer version of the extension/);
    expect(result.migratedFrom).toBeUndefined();
  });

  it('keeps unreadable ids in the order, and never lists their keys as stale', () => {
    const read = fromStorageItems({ ...toStorageItems(stateWith()), 'preset:odd': 42 });
    const next = toStorageItems(read.state, {
      revision: read.revision + 1,
      keptIds: read.unreadable.map((u) => u.id),
    });
    expect((next.meta as { order: string[] }).order).toEqual(['reporting', 'ads-admin', 'odd']);
    expect(staleStorageKeys(read.readKeys, next)).toEqual([]);
    expect((next.meta as { revision: number }).revision).toBe(1);
  });

  it('reads the version 1 single item and reports the migration', () => {
    const v1 = {
      presets: [
        { id: 'p1', name: 'P1', token: '{account}-p1', scopes: { Reports: ['GET'] }, updated: 0 },
      ],
    };
    const result = fromStorageItems({ [LEGACY_STATE_KEY]: v1 });
    expect(result.migratedFrom).toBe(1);
    expect(result.state.presets[0]?.nameTemplate).toBe('{account}-p1');
  });

  it('lists only our stale keys for removal', () => {
    const next = toStorageItems(stateWith({ presets: [makePreset()], defaultPresetId: undefined }));
    expect(
      staleStorageKeys(['meta', 'preset:reporting', 'preset:ads-admin', 'state'], next),
    ).toEqual(['preset:ads-admin', 'state']);
  });
});

describe('fitsSyncQuota', () => {
  it('charges key length plus JSON length per item', () => {
    expect(syncItemBytes('k', { a: 'b' })).toBe(1 + '{"a":"b"}'.length);
    // UTF-8 bytes, as Chrome measures; "<" is written as \u003C by Chrome's JSON writer.
    expect(syncItemBytes('ké', 'é')).toBe(3 + 4);
    expect(syncItemBytes('k', '<')).toBe(1 + 8);
  });

  it('accepts a normal state and reports its size', () => {
    const items = toStorageItems(stateWith());
    const report = fitsSyncQuota(items);
    expect(report.fits).toBe(true);
    expect(report.itemCount).toBe(3);
    expect(report.totalBytes).toBe(
      Object.entries(items).reduce((sum, [k, v]) => sum + k.length + JSON.stringify(v).length, 0),
    );
  });

  it('refuses items over 8192 bytes, naming them, at the exact boundary', () => {
    const key = 'preset:x';
    const valueOfSize = (bytes: number) => 'a'.repeat(bytes - key.length - 2);
    expect(fitsSyncQuota({ [key]: valueOfSize(8192) }).fits).toBe(true);
    expect(fitsSyncQuota({ [key]: valueOfSize(8193) })).toMatchObject({
      fits: false,
      oversized: [{ key, bytes: 8193 }],
    });
  });

  it('refuses more than 102400 bytes in total or more than 512 items', () => {
    const items: Record<string, string> = {};
    for (let i = 0; i < 13; i++) items[`preset:${i}`] = 'a'.repeat(8000);
    expect(fitsSyncQuota(items).fits).toBe(false);
    const many: Record<string, number> = {};
    for (let i = 0; i < 513; i++) many[`k${i}`] = 1;
    expect(fitsSyncQuota(many).fits).toBe(false);
  });

  it('a preset at every field limit still fits one item', () => {
    const big = makePreset({
      id: 'x'.repeat(64),
      name: 'n'.repeat(100),
      nameTemplate: 't'.repeat(200),
      description: 'd'.repeat(1000),
      primaryContact: 'c'.repeat(320),
      developerEmails: Array.from({ length: 20 }, (_, i) => `developer${i}@example.com`),
      scopes: Array.from({ length: 30 }, (_, i) => ({
        category: `Category ${i}`,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
      })),
    });
    expect(presetItemBytes(big)).toBeLessThan(8192);
  });

  it('says before a save whether the presets, with this one in, still fit storage.sync', () => {
    const bulky = (id: string) =>
      makePreset({
        id,
        description: 'd'.repeat(1000),
        scopes: Array.from({ length: 30 }, (_, i) => ({
          category: `Category ${i} ${'x'.repeat(60)}`,
          methods: ['GET', 'POST', 'PUT', 'DELETE'],
        })),
      });
    const one = bulky('p0');
    const size = presetItemBytes(one);
    const fitting = Math.floor(100_000 / size) - 1;
    const state: StoredState = {
      ...defaultState(),
      presets: Array.from({ length: fitting }, (_, i) => bulky(`p${i}`)),
    };
    // Saving over an existing preset replaces it: the same room as before.
    const replaced = syncRoomWith(state, bulky('p0'));
    expect(replaced).toMatchObject({ fits: true, presetBytes: size });
    expect(replaced.neededBytes).toBe(fitsSyncQuota(toStorageItems(state)).totalBytes);
    // Added, one by one, until the 102,400 bytes are passed: the first that does not fit says so.
    let next = state;
    let room = syncRoomWith(next, bulky('new0'));
    for (let n = 1; room.fits; n++) {
      next = { ...next, presets: [...next.presets, bulky(`new${n - 1}`)] };
      room = syncRoomWith(next, bulky(`new${n}`));
    }
    expect(room.neededBytes).toBeGreaterThan(102_400);
    expect(room.neededBytes - room.presetBytes).toBeLessThanOrEqual(102_400);
  });
});
