import '../fakes/install';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Preset } from '../../../src/core/preset';
import { META_KEY } from '../../../src/core/stored-state';
import { readOpenAutomatically } from '../../../src/platform/settings';
import {
  loadPresets,
  migrateStoredPresets,
  NewerFormatError,
  removeUnreadable,
  restoreKeptAside,
  savePresets,
} from '../../../src/platform/storage';
import { META_KEY_COPY } from '../../../src/platform/storage-keys';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

const preset = (id: string, extra: Partial<Preset> = {}): Preset => ({
  id,
  name: `Preset ${id}`,
  nameTemplate: `{account}-${id}`,
  description: '',
  version: 'latest',
  primaryContact: '',
  developerEmails: [],
  scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const quarantineItems = () =>
  Object.entries(fakeBrowser.storage.local.dump()).filter(([key]) => key.startsWith('quarantine:'));

beforeEach(() => {
  resetFakeBrowser();
});

describe('preset storage', () => {
  it('starts empty, opening automatically, and saves one sync item per preset', async () => {
    const loaded = await loadPresets();
    expect(loaded).toMatchObject({ area: 'sync', managed: [] });
    expect(loaded.state.presets).toEqual([]);
    expect(loaded.state.settings.openAutomatically).toBe(true);
    expect(await readOpenAutomatically()).toBe(true);

    const first = await savePresets(
      { ...loaded.state, presets: [preset('a'), preset('b')], defaultPresetId: 'b' },
      loaded,
    );
    const sync = fakeBrowser.storage.sync.dump();
    expect(Object.keys(sync).sort()).toEqual(['meta', 'preset:a', 'preset:b']);
    expect(sync.meta).toMatchObject({ order: ['a', 'b'], defaultPresetId: 'b' });
    expect((await loadPresets()).state.presets.map((p) => p.id)).toEqual(['a', 'b']);

    // Removing a preset removes its item.
    await savePresets({ ...first.state, presets: [preset('b')] }, first);
    expect(Object.keys(fakeBrowser.storage.sync.dump()).sort()).toEqual(['meta', 'preset:b']);
  });

  it('migrates the version 1 single-item format and writes it back in the current layout', async () => {
    await fakeBrowser.storage.sync.set({
      state: {
        presets: [
          {
            id: 'old one',
            name: 'Reporting',
            token: '{account}-reporting',
            apiVersion: 14,
            contact: 'aiko@acme.example',
            emails: ['dev@acme.example'],
            scopes: { Reports: ['GET'], Actions: ['GET', 'POST'], Ads: [] },
            updated: Date.UTC(2025, 0, 2),
          },
        ],
        defaultPreset: 'old one',
        openAutomatically: false,
      },
    });
    await migrateStoredPresets();
    const sync = fakeBrowser.storage.sync.dump();
    expect(sync).not.toHaveProperty('state');
    const loaded = await loadPresets();
    const [migrated] = loaded.state.presets;
    expect(migrated).toMatchObject({
      name: 'Reporting',
      nameTemplate: '{account}-reporting',
      version: '14',
      primaryContact: 'aiko@acme.example',
      developerEmails: ['dev@acme.example'],
      scopes: [
        { category: 'Reports', methods: ['GET'], endpoints: [] },
        { category: 'Actions', methods: ['GET', 'POST'], endpoints: [] },
      ],
      updatedAt: '2025-01-02T00:00:00.000Z',
    });
    expect(loaded.state.defaultPresetId).toBe(migrated?.id);
    expect(sync[`preset:${migrated?.id}`]).toBeTruthy();
    expect(loaded.state.settings.openAutomatically).toBe(false);
    expect(await readOpenAutomatically()).toBe(false);
    expect(loaded.unreadable).toEqual([]);
  });

  it('leaves a broken preset in sync, lists it, and still reads and saves the others', async () => {
    const broken = { ...preset('bad'), scopes: [{ category: 'Reports', methods: ['FETCH'] }] };
    await fakeBrowser.storage.sync.set({
      meta: { formatVersion: 3, order: ['good', 'bad'], settings: { openAutomatically: true } },
      'preset:good': preset('good'),
      'preset:bad': broken,
    });
    const loaded = await loadPresets();
    expect(loaded.state.presets.map((p) => p.id)).toEqual(['good']);
    expect(loaded.unreadable).toMatchObject([{ id: 'bad', keys: ['preset:bad'] }]);
    await savePresets({ ...loaded.state, presets: [preset('good'), preset('new')] }, loaded);
    const sync = fakeBrowser.storage.sync.dump();
    expect(sync['preset:bad']).toEqual(broken);
    expect(sync.meta).toMatchObject({ order: ['good', 'new', 'bad'], revision: 1 });
    expect(quarantineItems()).toHaveLength(0);
    // Removed only when the person asks.
    await removeUnreadable(loaded.unreadable);
    expect(fakeBrowser.storage.sync.dump()).not.toHaveProperty('preset:bad');
    expect((await loadPresets()).state.presets.map((p) => p.id)).toEqual(['good', 'new']);
  });

  it('a bad field in the meta keeps every preset in sync; the meta is kept aside before it is rewritten', async () => {
    await fakeBrowser.storage.sync.set({
      meta: { formatVersion: 3, order: ['a', 'b'], settings: { openAutomatically: 'yes' } },
      'preset:a': preset('a'),
      'preset:b': preset('b'),
    });
    const loaded = await loadPresets();
    expect(loaded.state.presets.map((p) => p.id)).toEqual(['a', 'b']);
    expect(Object.keys(fakeBrowser.storage.sync.dump()).sort()).toEqual([
      'meta',
      'preset:a',
      'preset:b',
    ]);
    await savePresets({ ...loaded.state, presets: [...loaded.state.presets, preset('c')] }, loaded);
    expect(Object.keys(fakeBrowser.storage.sync.dump()).sort()).toEqual([
      'meta',
      'preset:a',
      'preset:b',
      'preset:c',
    ]);
    const [[, kept]] = quarantineItems() as [[string, { raw: Record<string, unknown> }]];
    expect(kept.raw['sync:meta']).toMatchObject({ settings: { openAutomatically: 'yes' } });
    expect((await loadPresets()).keptAside).toHaveLength(1);
  });

  it('never saves over data from a newer format', async () => {
    const newer = { meta: { formatVersion: 99, order: ['a'] }, 'preset:a': preset('a') };
    await fakeBrowser.storage.sync.set(newer);
    const loaded = await loadPresets();
    expect(loaded.newer).toMatch(/newer version/);
    await expect(
      savePresets({ ...loaded.state, presets: [preset('b')] }, loaded),
    ).rejects.toBeInstanceOf(NewerFormatError);
    expect(fakeBrowser.storage.sync.dump()).toEqual(newer);
  });

  it('restores presets an earlier version kept aside', async () => {
    await fakeBrowser.storage.local.set({
      'quarantine:2026-01-01T00:00:00.000Z': {
        reason: 'invalid',
        error: 'settings.openAutomatically: expected boolean',
        raw: { meta: { formatVersion: 3, order: ['x'] }, 'preset:x': preset('x') },
      },
    });
    await savePresets(
      { ...(await loadPresets()).state, presets: [preset('a')] },
      await loadPresets(),
    );
    const loaded = await loadPresets();
    expect(loaded.keptAside).toMatchObject([{ key: 'quarantine:2026-01-01T00:00:00.000Z' }]);
    expect(await restoreKeptAside(loaded.keptAside[0]?.key ?? '')).toEqual({ restored: 1 });
    const after = await loadPresets();
    expect(after.state.presets.map((p) => p.id)).toEqual(['a', 'x']);
    expect(after.keptAside).toEqual([]);
  });

  it('falls back to local storage when sync is over quota, losing nothing', async () => {
    const first = await savePresets(
      { ...(await loadPresets()).state, presets: [preset('a')] },
      await loadPresets(),
    );
    // 100 presets with long descriptions: each item fits 8 KB, all of them do not fit 100 KB.
    const big = Array.from({ length: 100 }, (_, i) =>
      preset(`p${i}`, { description: `${i}`.padEnd(1000, 'x') }),
    );
    const presets = [preset('a'), ...big];
    const result = await savePresets({ ...first.state, presets }, first);
    expect(result.area).toBe('local');
    expect(result.fallbackReason).toMatch(/QUOTA_BYTES quota exceeded/);
    // The failed save left sync as it was.
    expect(Object.keys(fakeBrowser.storage.sync.dump()).sort()).toEqual(['meta', 'preset:a']);
    const reloaded = await loadPresets();
    expect(reloaded.area).toBe('local');
    expect(reloaded.state.presets.map((p) => p.id)).toEqual(presets.map((p) => p.id));
    expect(reloaded.state.presets[5]?.description).toHaveLength(1000);
    expect(fakeBrowser.storage.local.dump()).toHaveProperty('preset:p99');
    expect(reloaded.areaReason).toMatch(/QUOTA_BYTES/);
    // Temporary: once the presets fit again, the next save goes back to sync and local is cleared.
    const back = await savePresets({ ...reloaded.state, presets: presets.slice(0, 20) }, reloaded);
    expect(back.area).toBe('sync');
    expect((await loadPresets()).area).toBe('sync');
    expect(Object.keys(fakeBrowser.storage.local.dump())).toEqual([]);
    expect((await loadPresets()).state.presets).toHaveLength(20);
  });

  it('keeps a preset over the 8 KB item limit in sync, split across items', async () => {
    const loaded = await loadPresets();
    const huge = preset('huge', {
      scopes: Array.from({ length: 100 }, (_, i) => ({
        category: `Category number ${i} ${'y'.repeat(40)}`,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        endpoints: [],
      })),
    });
    const result = await savePresets({ ...loaded.state, presets: [huge] }, loaded);
    expect(result).toMatchObject({ area: 'sync' });
    expect(Object.keys(fakeBrowser.storage.sync.dump())).toContain('part:huge:1');
    const reloaded = await loadPresets();
    expect(reloaded.state.presets).toEqual([huge]);
    // Shrunk back under the limit: the parts go.
    const small = preset('huge');
    await savePresets({ ...reloaded.state, presets: [small] }, reloaded);
    expect(Object.keys(fakeBrowser.storage.sync.dump()).sort()).toEqual(['meta', 'preset:huge']);
  });

  it('a write the browser refuses (write rate) leaves sync whole; the next save retries sync', async () => {
    const loaded = await loadPresets();
    const first = await savePresets(
      { ...loaded.state, presets: [preset('a'), preset('b')] },
      loaded,
    );
    const before = fakeBrowser.storage.sync.dump();
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    const failed = await savePresets({ ...first.state, presets: [preset('b')] }, first);
    expect(failed).toMatchObject({ area: 'local', fallbackReason: /MAX_WRITE_OPERATIONS/ });
    expect(fakeBrowser.storage.sync.dump()).toEqual(before);
    const held = await loadPresets();
    expect(held).toMatchObject({ area: 'local', areaReason: /MAX_WRITE_OPERATIONS/ });
    expect(held.state.presets.map((p) => p.id)).toEqual(['b']);
    set.mockRestore();
    const retried = await savePresets({ ...held.state, presets: [preset('b'), preset('c')] }, held);
    expect(retried.area).toBe('sync');
    // Back in sync; "a" comes back rather than risk deleting another browser's preset.
    expect((await loadPresets()).state.presets.map((p) => p.id)).toEqual(['b', 'c', 'a']);
  });

  it('a stale window reapplies its change instead of deleting what another window added', async () => {
    const windowA = await loadPresets();
    const windowB = await loadPresets();
    await savePresets({ ...windowA.state, presets: [preset('from-a')] }, windowA);
    const b = await savePresets({ ...windowB.state, presets: [preset('from-b')] }, windowB);
    expect(b.state.presets.map((p) => p.id)).toEqual(['from-b', 'from-a']);
    expect((await loadPresets()).state.presets.map((p) => p.id).sort()).toEqual([
      'from-a',
      'from-b',
    ]);
  });

  it('two windows saving alternately for 60 rounds lose nothing', async () => {
    const windows = [await loadPresets(), await loadPresets()];
    for (let round = 0; round < 60; round++) {
      const w = round % 2;
      const mine = windows[w];
      if (!mine) throw new Error('no window');
      // Each window edits the state it last saw, which is stale after the other one's save.
      const result = await savePresets(
        { ...mine.state, presets: [...mine.state.presets, preset(`r${round}`)] },
        mine,
      );
      windows[w] = { ...mine, state: result.state, revision: result.revision };
    }
    const ids = (await loadPresets()).state.presets.map((p) => p.id);
    expect(ids.sort()).toEqual(Array.from({ length: 60 }, (_, i) => `r${i}`).sort());
  });

  it('falls back to local storage when the browser refuses the write (quota shared with other data)', async () => {
    // Items this module does not own still count against the 100 KB total.
    const foreign = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [`other:${i}`, 'z'.repeat(7800)]),
    );
    await fakeBrowser.storage.sync.set(foreign);
    const loaded = await loadPresets();
    const presets = Array.from({ length: 10 }, (_, i) =>
      preset(`p${i}`, { description: 'd'.repeat(900) }),
    );
    const result = await savePresets({ ...loaded.state, presets }, loaded);
    expect(result).toMatchObject({ area: 'local', fallbackReason: /^QUOTA_BYTES quota exceeded/ });
    expect((await loadPresets()).state.presets).toHaveLength(10);
    expect(fakeBrowser.storage.sync.dump()).toMatchObject(foreign);
  });

  it('uses local storage when sync is unavailable', async () => {
    fakeBrowser.storage.sync.unavailable = 'Please set webextensions.storage.sync.enabled to true';
    const loaded = await loadPresets();
    expect(loaded.area).toBe('local');
    await savePresets({ ...loaded.state, presets: [preset('a')] }, loaded);
    expect(fakeBrowser.storage.local.dump()).toHaveProperty('preset:a');
    expect((await loadPresets()).state.presets.map((p) => p.id)).toEqual(['a']);
  });

  it('reads the organization pack from managed storage, read-only', async () => {
    await fakeBrowser.storage.managed.set({
      presetPack: JSON.stringify({
        format: 'impact-token-presets',
        version: 1,
        presets: [preset('org')],
      }),
    });
    const loaded = await loadPresets();
    expect(loaded.managed).toMatchObject([{ id: 'org', managed: true }]);
    expect(loaded.state.presets).toEqual([]);
  });

  it('treats a missing policy (Firefox throws) as no organization presets', async () => {
    fakeBrowser.storage.managed.unavailable = 'Managed storage manifest not found';
    expect((await loadPresets()).managed).toEqual([]);
  });

  it('reports an unreadable organization pack', async () => {
    await fakeBrowser.storage.managed.set({ presetPack: '{"format":"something-else"}' });
    const loaded = await loadPresets();
    expect(loaded.managedError).toMatch(/not a preset pack/);
  });

  it('keeps the content script copy of the meta key in step with core', () => {
    expect(META_KEY_COPY).toBe(META_KEY);
  });
});
