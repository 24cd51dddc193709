import { describe, expect, it } from 'vitest';
import { describeAt, formatIssuePath } from '../../../src/core/issue-text';
import { markManaged, PresetSchema } from '../../../src/core/preset';
import { categoryKey, methodScope, normalizeScopes } from '../../../src/core/scopes';
import { parseUntrustedJson, utf8ByteLength } from '../../../src/core/untrusted-json';
import { makePreset } from './fixtures';

describe('normalizeScopes', () => {
  it('merges repeated categories in first-seen order with canonical method order', () => {
    expect(
      normalizeScopes([
        methodScope('Ads', ['PUT']),
        methodScope('Reports', ['GET']),
        methodScope('Ads', ['GET', 'PUT']),
      ]),
    ).toEqual([methodScope('Ads', ['GET', 'PUT']), methodScope('Reports', ['GET'])]);
  });

  it('is applied when a preset is read', () => {
    expect(
      makePreset({ scopes: [{ category: 'Ads', methods: ['DELETE', 'GET', 'GET'] }] }).scopes,
    ).toEqual([methodScope('Ads', ['GET', 'DELETE'])]);
  });
});

describe('categoryKey', () => {
  it('ignores case and runs of whitespace', () => {
    expect(categoryKey('  Promo \n Codes ')).toBe(categoryKey('promo codes'));
    expect(categoryKey('Ads')).not.toBe(categoryKey('Ad s'));
  });
});

describe('PresetSchema', () => {
  it('fills defaults and trims names', () => {
    const preset = PresetSchema.parse({
      id: 'x',
      name: '  X  ',
      nameTemplate: ' t ',
      scopes: [{ category: 'Ads', methods: ['GET'] }],
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    expect(preset).toEqual({
      id: 'x',
      name: 'X',
      nameTemplate: 't',
      description: '',
      version: 'latest',
      primaryContact: '',
      developerEmails: [],
      scopes: [methodScope('Ads', ['GET'])],
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('refuses ids that cannot be storage keys and times that are not ISO', () => {
    expect(PresetSchema.safeParse({ ...makePreset(), id: 'a:b' }).success).toBe(false);
    expect(PresetSchema.safeParse({ ...makePreset(), updatedAt: 'yesterday' }).success).toBe(false);
  });

  it('flags managed presets only in memory', () => {
    const [managed] = markManaged([makePreset()]);
    expect(managed?.managed).toBe(true);
    expect('managed' in PresetSchema.parse(managed)).toBe(false);
  });
});

describe('issue paths', () => {
  it('reads like JSON access, quoting odd keys', () => {
    expect(formatIssuePath(['presets', 2, 'scopes', 0, 'methods', 1])).toBe(
      'presets[2].scopes[0].methods[1]',
    );
    expect(formatIssuePath(['scopes', 'Promo Codes', 0])).toBe('scopes["Promo Codes"][0]');
    expect(describeAt([], 'bad')).toBe('bad');
  });
});

describe('untrusted JSON', () => {
  it('counts UTF-8 bytes like TextEncoder, lone surrogates as U+FFFD', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a\ud800b', '\udc00', 'x😀é€'])
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('counts nesting only outside strings, escapes included', () => {
    expect(parseUntrustedJson(`["\\"${'['.repeat(40)}"]`, 'it').ok).toBe(true);
    expect(parseUntrustedJson(`${'['.repeat(33)}${']'.repeat(33)}`, 'it')).toEqual({
      ok: false,
      error: 'it is nested deeper than 32 levels',
    });
    expect(parseUntrustedJson(`${'['.repeat(32)}${']'.repeat(32)}`, 'it').ok).toBe(true);
  });
});
