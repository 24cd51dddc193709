import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ITEM_BYTE_LIMIT,
  isSplitHeader,
  joinItem,
  partKey,
  splitItem,
  syncItemBytes,
} from '../../../src/core/split-item';
import { fromStorageItems, presetItemBytes, toStorageItems } from '../../../src/core/stored-state';
import { makePreset } from './fixtures';

const huge = () =>
  makePreset({
    id: 'huge',
    description: 'd'.repeat(1000),
    scopes: Array.from({ length: 100 }, (_, i) => ({
      category: `Category number ${i} <${'y'.repeat(40)}>`,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
    })),
  });

describe('splitting an item over the 8 KB limit', () => {
  it('leaves a value that fits as one item', () => {
    expect(splitItem('preset:a', 'a', { x: 1 })).toEqual({ 'preset:a': { x: 1 } });
  });

  it('splits any JSON into parts that each fit, and joins them back exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 40, max: 400 }), (value, limit) => {
        // Through JSON, as storage stores it: -0 becomes 0 and so on.
        const items = JSON.parse(JSON.stringify(splitItem('preset:v', 'v', value, limit)));
        for (const [key, item] of Object.entries(items))
          expect(syncItemBytes(key, item)).toBeLessThanOrEqual(Math.max(limit, 0));
        const header = items['preset:v'];
        const joined = isSplitHeader(header) ? joinItem(header, 'v', items) : undefined;
        const back = joined ? (joined.ok ? joined.value : joined.error) : header;
        expect(back).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a part that has not synced yet or was truncated, instead of guessing', () => {
    const items = splitItem('preset:huge', 'huge', huge());
    const header = items['preset:huge'];
    if (!isSplitHeader(header)) throw new Error('expected a split');
    const { [partKey('huge', 1)]: _, ...missing } = items;
    expect(joinItem(header, 'huge', missing)).toMatchObject({ ok: false, error: /part 2 of/ });
    const cut = { ...items, [partKey('huge', 0)]: (items[partKey('huge', 0)] as string).slice(9) };
    expect(joinItem(header, 'huge', cut)).toMatchObject({ ok: false, error: /truncated/ });
  });

  it('stores a 100-scope preset in sync, split, and reads it back', () => {
    const preset = huge();
    const items = toStorageItems({
      formatVersion: 3,
      presets: [preset],
      settings: { openAutomatically: true },
    });
    for (const [key, value] of Object.entries(items))
      expect(syncItemBytes(key, value)).toBeLessThanOrEqual(ITEM_BYTE_LIMIT);
    expect(Object.keys(items).filter((k) => k.startsWith('part:'))).toHaveLength(2);
    expect(presetItemBytes(preset)).toBeGreaterThan(ITEM_BYTE_LIMIT);
    const read = fromStorageItems(JSON.parse(JSON.stringify(items)));
    expect(read.state.presets).toEqual([preset]);
    expect(read.readKeys).toEqual(expect.arrayContaining(['preset:huge', partKey('huge', 1)]));
  });

  it('lists a split preset with a missing part as unreadable, with all its keys', () => {
    const items = toStorageItems({
      formatVersion: 3,
      presets: [huge(), makePreset()],
      settings: { openAutomatically: true },
    });
    delete items[partKey('huge', 1)];
    const read = fromStorageItems(items);
    expect(read.state.presets.map((p) => p.id)).toEqual(['reporting']);
    expect(read.unreadable).toEqual([
      {
        id: 'huge',
        keys: ['preset:huge', partKey('huge', 0)],
        error: expect.stringMatching(/part 2 of 2 is missing/),
      },
    ]);
  });
});
