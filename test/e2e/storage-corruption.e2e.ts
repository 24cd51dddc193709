import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { byRole, withSession } from './harness/session.ts';
import { readArea, resetTo, type StorageApi, withStorage } from './support/ext-storage.ts';
import { BROWSER, goHome, listedPresets, openPreset } from './support/helper-ui.ts';

/**
 * Stored data this version cannot read must never cost a readable preset (issue 13). Each case
 * stores three good presets in storage.sync, breaks the store one way, then opens the helper as a
 * person would: every readable preset is listed and still in sync, what could not be read is
 * named, and after a reload and a save ("Save as preset") nothing is lost.
 */

const s = withSession();
let pages: Page[] = [];
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

const updatedAt = '2026-01-01T00:00:00.000Z';
const good = (id: string, name: string) => ({
  id,
  name,
  nameTemplate: `{account}-${id}`,
  description: '',
  version: 'latest',
  primaryContact: '',
  developerEmails: [],
  scopes: [{ category: 'Reports', methods: ['GET'] }],
  updatedAt,
});
const GOOD = {
  meta: {
    formatVersion: 3,
    order: ['a', 'b', 'c'],
    defaultPresetId: 'a',
    settings: { openAutomatically: false },
  },
  'preset:a': good('a', 'Alpha'),
  'preset:b': good('b', 'Bravo'),
  'preset:c': good('c', 'Charlie'),
};
const GOOD_KEYS = ['preset:a', 'preset:b', 'preset:c'] as const;

interface Corruption {
  name: string;
  /** Items written over the good store (undefined removes a key). */
  items: Record<string, unknown>;
  /** Keys of items that cannot be read: listed in the helper and left exactly as they are. */
  unreadable?: string[];
  /** Run in an extension page after writing, before the helper opens (write rate, quota). */
  before?: (arg: null) => Promise<unknown>;
  /** Judges what `before` returned. */
  held?: (result: number) => boolean;
  /** Where the save goes. */
  savesTo?: 'sync' | 'local';
  /** The save is refused (data from a newer version). */
  refused?: true;
}

const bigScopes = Array.from({ length: 101 }, (_, i) => ({
  category: `Category ${i}`,
  methods: ['GET'],
}));

const CASES: Corruption[] = [
  {
    name: 'a bad field in the metadata (openAutomatically: "yes")',
    items: { meta: { ...GOOD.meta, settings: { openAutomatically: 'yes' } } },
  },
  { name: 'metadata that is not an object', items: { meta: 'garbage' } },
  { name: 'an order that is not a list', items: { meta: { ...GOOD.meta, order: 7 } } },
  {
    name: 'a duplicate id (an item holding another preset’s id)',
    items: { 'preset:dup': good('a', 'Alpha again') },
    unreadable: ['preset:dup'],
  },
  {
    name: 'a preset this version’s schema refuses (101 scopes)',
    items: { 'preset:wide': { ...good('wide', 'Wide'), scopes: bigScopes } },
    unreadable: ['preset:wide'],
  },
  {
    name: 'a truncated item',
    items: { 'preset:cut': '{"id":"cut","name":"Trunc' },
    unreadable: ['preset:cut'],
  },
  {
    name: 'a split preset whose second part has not synced',
    items: { 'preset:split': { '~split': 2, length: 9000 }, 'part:split:0': 'x'.repeat(4000) },
    unreadable: ['preset:split', 'part:split:0'],
  },
  {
    name: 'an unknown method in a preset',
    items: {
      'preset:odd': { ...good('odd', 'Odd'), scopes: [{ category: 'Ads', methods: ['FETCH'] }] },
    },
    unreadable: ['preset:odd'],
  },
  {
    name: 'metadata from a newer format',
    items: { meta: { ...GOOD.meta, formatVersion: 99 } },
    refused: true,
  },
  {
    name: 'sync quota exhausted by other data',
    items: {},
    before: async () => {
      const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
      const sync = ((g.browser ?? g.chrome) as StorageApi).storage
        .sync as StorageApi['storage']['sync'] & {
        getBytesInUse(keys: null): Promise<number>;
      };
      // Another extension feature's data fills sync to within 100 bytes of its 102,400 B quota.
      for (let i = 0; ; i++) {
        const free = 102_400 - (await sync.getBytesInUse(null));
        if (free <= 100) break;
        const key = `other:${i}`;
        await sync.set({ [key]: 'z'.repeat(Math.min(8000, free - 100) - key.length - 2) });
      }
      return 102_400 - (await sync.getBytesInUse(null));
    },
    held: (free) => free <= 100,
    savesTo: 'local',
  },
  {
    name: 'sync write rate exceeded',
    items: {},
    before: async () => {
      const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
      const api = (g.browser ?? g.chrome) as StorageApi;
      // Chrome allows 120 sync writes a minute (MAX_WRITE_OPERATIONS_PER_MINUTE).
      let refused = 0;
      for (let i = 0; i < 125; i++)
        await api.storage.sync.set({ 'other:rate': i }).catch(() => {
          refused++;
        });
      return refused;
    },
    held: (refused) => refused > 0,
    savesTo: 'local',
  },
];

async function openHelper(): Promise<Page> {
  const helper = await s.ext.openExtensionPage('src/helper/index.html');
  pages.push(helper);
  await helper.waitForSelector(byRole('button', 'New preset'), { timeout: 15_000 });
  return helper;
}

/** The presets the helper lists on its home view (a save leaves it in the edit view). */
const listed = async (helper: Page) => {
  await helper.bringToFront();
  await goHome(helper);
  return listedPresets(helper);
};

async function saveAsPreset(helper: Page, name: string) {
  // From Alpha, so the form is a valid preset (a broken meta loses the default).
  await openPreset(helper, 'Alpha');
  await helper.locator(byRole('button', 'Save as preset')).click();
  const field = await helper.waitForSelector(byRole('textbox', 'Preset name'));
  await field?.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, name);
  await helper.locator(byRole('button', 'Save')).click();
}

describe.runIf(BROWSER === 'chromium')('storage that cannot lose data (chromium)', () => {
  // First: sync allows 120 writes a minute, and the write-rate case below uses them all up.
  it('two helper windows saving alternately for 60 rounds lose nothing', async () => {
    await resetTo(s.ext, GOOD);
    const windows = [await openHelper(), await openHelper()];
    for (let round = 0; round < 60; round++) {
      const helper = windows[round % 2] as Page;
      // The person switches to that window.
      await helper.bringToFront();
      await saveAsPreset(helper, `Round ${round}`);
      await helper.waitForFunction(
        (name) => document.body.textContent?.includes(`Saved “${name}”`),
        { timeout: 15_000 },
        `Round ${round}`,
      );
    }
    const sync = await readArea(s.ext, 'sync');
    const names = Object.entries(sync)
      .filter(([k]) => k.startsWith('preset:'))
      .map(([, v]) => (v as { name: string }).name);
    expect(names.sort()).toEqual(
      ['Alpha', 'Bravo', 'Charlie', ...Array.from({ length: 60 }, (_, i) => `Round ${i}`)].sort(),
    );
    for (const helper of windows)
      await expect.poll(() => listed(helper), { timeout: 10_000 }).toHaveLength(63);
  }, 240_000);

  for (const c of CASES) {
    it(`${c.name}: keeps every readable preset in sync and loses nothing`, async () => {
      await resetTo(
        s.ext,
        Object.fromEntries(
          Object.entries({ ...GOOD, ...c.items }).filter(([, v]) => v !== undefined),
        ),
      );
      // The setup really did what it says (the sync area is full, writes were being refused).
      if (c.before) expect(c.held?.(Number(await withStorage(s.ext, c.before, null)))).toBe(true);
      const stored = await readArea(s.ext, 'sync');

      let helper = await openHelper();
      await expect
        .poll(() => listed(helper))
        .toEqual(expect.arrayContaining(['Alpha', 'Bravo', 'Charlie']));
      if (c.unreadable) {
        const alert = await helper.waitForSelector('[role="alert"]', { timeout: 10_000 });
        const text = await alert?.evaluate((el) => el.textContent ?? '');
        const ids = c.unreadable.filter((k) => k.startsWith('preset:')).map((k) => k.slice(7));
        expect(text).toMatch(
          new RegExp(`^${ids.length} stored presets could not be read: ${ids[0]} \\(`),
        );
      }
      if (c.refused)
        expect(await helper.$eval('[role="alert"]', (el) => el.textContent)).toMatch(
          /newer version/,
        );
      // Reading changed nothing that was readable, and nothing that was not.
      const afterRead = await readArea(s.ext, 'sync');
      for (const key of [...GOOD_KEYS, ...(c.unreadable ?? [])])
        expect(afterRead[key]).toEqual(stored[key]);

      // A reload, then a save.
      await helper.reload();
      await helper.waitForSelector(byRole('button', 'New preset'), { timeout: 15_000 });
      await saveAsPreset(helper, 'Delta');
      const status = await helper.waitForFunction(
        () => {
          const text = [...document.querySelectorAll('[role="status"], [role="alert"], .notice')]
            .map((el) => el.textContent)
            .join(' ');
          return /Saved “Delta”|Could not save/.test(text) && text;
        },
        { timeout: 15_000 },
      );
      const sync = await readArea(s.ext, 'sync');
      const local = await readArea(s.ext, 'local');
      for (const key of [...GOOD_KEYS, ...(c.unreadable ?? [])])
        expect(sync[key]).toEqual(stored[key]);
      if (c.refused) {
        expect(String(await status.jsonValue())).toMatch(/Could not save/);
        expect(sync).toEqual(stored);
        return;
      }
      const holder = c.savesTo === 'local' ? local : sync;
      const names = Object.entries(holder)
        .filter(([k]) => k.startsWith('preset:'))
        .map(([, v]) => (v as { name?: string }).name);
      expect(names).toEqual(expect.arrayContaining(['Alpha', 'Bravo', 'Charlie', 'Delta']));
      if (c.savesTo === 'local') {
        expect(local.presetsArea).toBe('local');
        expect(String(local.presetsAreaReason)).toMatch(/QUOTA_BYTES|MAX_WRITE_OPERATIONS/);
      } else expect(local.presetsArea).toBeUndefined();

      // And once more from a fresh read: all four, plus whatever is still unreadable, named.
      helper = await openHelper();
      await expect
        .poll(() => listed(helper))
        .toEqual(expect.arrayContaining(['Alpha', 'Bravo', 'Charlie', 'Delta']));
      if (c.savesTo === 'local')
        expect(await helper.evaluate(() => document.body.textContent)).toMatch(
          /saved in this browser only for now/,
        );
    }, 90_000);
  }
});
