import '../fakes/install';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Preset } from '../../../src/core/preset';
import { META_KEY } from '../../../src/core/stored-state';
import { readOpenAutomatically } from '../../../src/platform/settings';
import {
  loadPresets,
  migrateStoredPresets,
  NewerFormatError,
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

    await savePresets({
      ...loaded.state,
      presets: [preset('a'), preset('b')],
      defaultPresetId: 'b',
    });
    const sync = fakeBrowser.storage.sync.dump();
    expect(Object.keys(sync).sort()).toEqual(['meta', 'preset:a', 'preset:b']);
    expect(sync.meta).toMatchObject({ order: ['a', 'b'], defaultPresetId: 'b' });
    expect((await loadPresets()).state.presets.map((p) => p.id)).toEqual(['a', 'b']);

    // Removing a preset removes its item.
    await savePresets({ ...loaded.state, presets: [preset('b')] });
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
    expect(loaded.quarantine).toBeUndefined();
  });

  it('keeps a broken preset aside in local storage and still reads the others', async () => {
    const broken = {
      ...preset('bad'),
      scopes: [{ category: 'Reports', methods: ['FETCH'], endpoints: [] }],
    };
    await fakeBrowser.storage.sync.set({
      meta: { formatVersion: 2, order: ['good', 'bad'], settings: { openAutomatically: true } },
      'preset:good': preset('good'),
      'preset:bad': broken,
    });
    const loaded = await loadPresets();
    expect(loaded.state.presets.map((p) => p.id)).toEqual(['good']);
    expect(loaded.quarantine?.key).toMatch(/^quarantine:\d{4}-/);
    const [[key, kept]] = quarantineItems() as [[string, { raw: Record<string, unknown> }]];
    expect(key).toBe(loaded.quarantine?.key);
    expect(kept.raw['preset:bad']).toEqual(broken);
    expect(fakeBrowser.storage.sync.dump()).not.toHaveProperty('preset:bad');
    // Read again: nothing new to set aside.
    expect((await loadPresets()).quarantine).toBeUndefined();
    expect(quarantineItems()).toHaveLength(1);
  });

  it('keeps unreadable state aside whole when nothing can be salvaged', async () => {
    await fakeBrowser.storage.sync.set({ meta: 'garbage', 'preset:x': 42 });
    const loaded = await loadPresets();
    expect(loaded.state.presets).toEqual([]);
    const [[, kept]] = quarantineItems() as [[string, { raw: unknown; reason: string }]];
    expect(kept).toMatchObject({ reason: 'invalid', raw: { meta: 'garbage', 'preset:x': 42 } });
  });

  it('never saves over data from a newer format', async () => {
    const newer = { meta: { formatVersion: 99, order: [] } };
    await fakeBrowser.storage.sync.set(newer);
    const loaded = await loadPresets();
    expect(loaded.quarantine).toMatchObject({ reason: 'newer-format' });
    await expect(savePresets({ ...loaded.state, presets: [preset('a')] })).rejects.toBeInstanceOf(
      NewerFormatError,
    );
    expect(fakeBrowser.storage.sync.dump()).toEqual(newer);
  });

  it('falls back to local storage when sync is over quota, losing nothing', async () => {
    const loaded = await loadPresets();
    await savePresets({ ...loaded.state, presets: [preset('a')] });
    // 100 presets with long descriptions: each item fits 8 KB, all of them do not fit 100 KB.
    const big = Array.from({ length: 100 }, (_, i) =>
      preset(`p${i}`, { description: `${i}`.padEnd(1000, 'x') }),
    );
    const presets = [preset('a'), ...big];
    const result = await savePresets({ ...loaded.state, presets });
    expect(result.area).toBe('local');
    const reloaded = await loadPresets();
    expect(reloaded.area).toBe('local');
    expect(reloaded.state.presets.map((p) => p.id)).toEqual(presets.map((p) => p.id));
    expect(reloaded.state.presets[5]?.description).toHaveLength(1000);
    expect(fakeBrowser.storage.local.dump()).toHaveProperty('preset:p99');
  });

  it('falls back to local storage when one preset is over the 8 KB item limit', async () => {
    const loaded = await loadPresets();
    const huge = preset('huge', {
      scopes: Array.from({ length: 100 }, (_, i) => ({
        category: `Category number ${i} ${'y'.repeat(40)}`,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        endpoints: [],
      })),
    });
    const result = await savePresets({ ...loaded.state, presets: [huge] });
    expect(result).toMatchObject({ area: 'local' });
    expect(result.fallbackReason).toMatch(/QUOTA_BYTES_PER_ITEM/);
    expect((await loadPresets()).state.presets.map((p) => p.id)).toEqual(['huge']);
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
    const result = await savePresets({ ...loaded.state, presets });
    expect(result).toMatchObject({ area: 'local', fallbackReason: 'QUOTA_BYTES quota exceeded' });
    expect((await loadPresets()).state.presets).toHaveLength(10);
    expect(fakeBrowser.storage.sync.dump()).toMatchObject(foreign);
  });

  it('uses local storage when sync is unavailable', async () => {
    fakeBrowser.storage.sync.unavailable = 'Please set webextensions.storage.sync.enabled to true';
    const loaded = await loadPresets();
    expect(loaded.area).toBe('local');
    await savePresets({ ...loaded.state, presets: [preset('a')] });
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
