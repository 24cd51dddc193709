import { describe, expect, it } from 'vitest';
import {
  applyImport,
  defaultResolutions,
  type ImportOptions,
  type ImportResolution,
  planImport,
  uniqueName,
} from '../../../src/core/import-plan';
import type { PackPreset } from '../../../src/core/pack';
import { deepFreeze, makePreset } from './fixtures';

const reporting = makePreset();
const ads = makePreset({
  id: 'ads',
  name: 'Ads admin',
  scopes: [{ category: 'Ads', methods: ['GET', 'POST'], endpoints: [] }],
});
const existing = deepFreeze([reporting, ads]);

let counter = 0;
const options = (): ImportOptions => ({
  now: new Date('2025-01-01T00:00:00.000Z'),
  newId: () => `new-${++counter}`,
});

const incoming = (overrides: Partial<PackPreset>): PackPreset => {
  const { updatedAt: _, ...preset } = makePreset({ id: 'incoming', name: 'Incoming' });
  return { ...preset, ...overrides };
};

describe('planImport', () => {
  it('classifies new, identical and conflicting presets', () => {
    const items = planImport(existing, [
      incoming({}),
      { ...reporting, updatedAt: '2030-01-01T00:00:00.000Z' },
      { ...reporting, description: 'changed' },
      incoming({ id: 'other-id', name: ' ads ADMIN ' }),
    ]);
    expect(items.map((i) => [i.status, i.matchedBy, i.existing?.id])).toEqual([
      ['new', undefined, undefined],
      ['identical', 'id', 'reporting'],
      ['conflict', 'id', 'reporting'],
      ['conflict', 'name', 'ads'],
    ]);
  });

  it('counts equal content under another id as identical', () => {
    const [item] = planImport(existing, [{ ...ads, id: 'copy' }]);
    expect(item).toMatchObject({ status: 'identical', matchedBy: 'name' });
  });

  it('defaults to adding new, skipping identical and keeping both on conflict', () => {
    const items = planImport(existing, [incoming({}), reporting, { ...ads, description: 'x' }]);
    expect(defaultResolutions(items)).toEqual({ 0: 'keep-both', 1: 'skip', 2: 'keep-both' });
  });
});

describe('applyImport', () => {
  it('adds new presets at the end, stamping a missing updatedAt', () => {
    const items = planImport(existing, [incoming({})]);
    const result = applyImport(existing, items, {}, options());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.presets.map((p) => p.id)).toEqual(['reporting', 'ads', 'incoming']);
    expect(result.presets[2]?.updatedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(result.added).toEqual(['incoming']);
  });

  it('keep-both on a same-id, same-name clash gives a new id and "Name (2)"', () => {
    const clash = { ...reporting, description: 'theirs' };
    const items = planImport(existing, [clash, { ...clash, id: 'x2', description: 'again' }]);
    const result = applyImport(existing, items, { 0: 'keep-both', 1: 'keep-both' }, options());
    expect(result.ok && result.presets.slice(2).map((p) => [p.name, p.id === 'reporting'])).toEqual(
      [
        ['Reporting (2)', false],
        ['Reporting (3)', false],
      ],
    );
  });

  it('replace swaps the content in place and keeps the stored id', () => {
    const theirs = incoming({ id: 'their-id', name: 'Ads admin', description: 'theirs' });
    const items = planImport(existing, [theirs]);
    const result = applyImport(existing, items, { 0: 'replace' }, options());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.presets.map((p) => p.id)).toEqual(['reporting', 'ads']);
    expect(result.presets[1]).toMatchObject({
      id: 'ads',
      name: 'Ads admin',
      description: 'theirs',
    });
    expect(result.replaced).toEqual(['ads']);
  });

  it('skip leaves the list as it was', () => {
    const items = planImport(existing, [{ ...reporting, description: 'x' }]);
    const result = applyImport(existing, items, { 0: 'skip' }, options());
    expect(result).toEqual({ ok: true, presets: existing, added: [], replaced: [], skipped: 1 });
  });

  it('refuses an unresolved conflict or a replace with nothing to replace', () => {
    const conflict = planImport(existing, [{ ...reporting, description: 'x' }]);
    expect(applyImport(existing, conflict, {}, options())).toEqual({
      ok: false,
      error: 'choose keep both, replace or skip for "Reporting"',
    });
    const fresh = planImport(existing, [incoming({})]);
    expect(applyImport(existing, fresh, { 0: 'replace' }, options()).ok).toBe(false);
  });

  it('refuses to replace one preset twice', () => {
    const items = planImport(existing, [
      { ...reporting, description: 'a' },
      incoming({ id: 'z', name: 'Reporting', description: 'b' }),
    ]);
    expect(applyImport(existing, items, { 0: 'replace', 1: 'replace' }, options()).ok).toBe(false);
  });

  it('keeps names unique among the incoming presets themselves', () => {
    const items = planImport(existing, [
      incoming({ id: 'a' }),
      incoming({ id: 'b', name: 'INCOMING' }),
    ]);
    const result = applyImport(existing, items, {}, options());
    expect(result.ok && result.presets.slice(2).map((p) => p.name)).toEqual([
      'Incoming',
      'INCOMING (2)',
    ]);
  });

  it('never changes the list it was given, even on failure (it is frozen here)', () => {
    const before = JSON.stringify(existing);
    const items = planImport(existing, [{ ...reporting, description: 'x' }, incoming({})]);
    const choices: Record<number, ImportResolution>[] = [{}, { 0: 'replace' }, { 0: 'keep-both' }];
    for (const resolutions of choices) applyImport(existing, items, resolutions, options());
    expect(JSON.stringify(existing)).toBe(before);
  });
});

describe('uniqueName', () => {
  it('finds the first free number and stays within the name limit', () => {
    expect(uniqueName('A', new Set(['a', 'a (2)']))).toBe('A (3)');
    expect(uniqueName('B', new Set(['a']))).toBe('B');
    const long = 'x'.repeat(100);
    const name = uniqueName(long, new Set([long]));
    expect(name).toHaveLength(100);
    expect(name.endsWith(' (2)')).toBe(true);
  });
});
