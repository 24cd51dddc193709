import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PresetSchema } from '../../../src/core/preset';
import { decodeShareText, encodeShareText, SHARE_TEXT_PREFIX } from '../../../src/core/share-text';
import { makePreset, presetArb } from './fixtures';

// Property runs take well under a second idle; CI boxes shared with other jobs can be far slower.
vi.setConfig({ testTimeout: 30_000 });

const payloadOf = (line: string) =>
  JSON.parse(
    new TextDecoder().decode(
      Uint8Array.from(
        atob(line.slice(SHARE_TEXT_PREFIX.length).replaceAll('-', '+').replaceAll('_', '/')),
        (c) => c.charCodeAt(0),
      ),
    ),
  );

const shareOf = (json: string) =>
  `${SHARE_TEXT_PREFIX}${btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;

const errorOf = (line: string): string => {
  const result = decodeShareText(line);
  if (result.ok) throw new Error('expected the share text to be refused');
  return result.error;
};

describe('encodeShareText', () => {
  it('is one line of url-safe characters after the prefix', () => {
    const line = encodeShareText(makePreset({ description: 'a/b+c? ünïcødé 🎉\nnext line' }));
    expect(line.startsWith(SHARE_TEXT_PREFIX)).toBe(true);
    expect(line.slice(SHARE_TEXT_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('holds only what differs from the defaults', () => {
    const preset = makePreset({
      description: '',
      version: 'latest',
      primaryContact: '',
      developerEmails: [],
    });
    expect(Object.keys(payloadOf(encodeShareText(preset))).sort()).toEqual([
      'id',
      'name',
      'nameTemplate',
      'scopes',
      'updatedAt',
    ]);
    expect(payloadOf(encodeShareText(makePreset())).version).toBe('16');
  });
});

describe('decodeShareText', () => {
  it('round-trips exactly, with defaults restored', () => {
    fc.assert(
      fc.property(presetArb, (preset) => {
        const result = decodeShareText(encodeShareText(preset));
        expect(result.ok && result.pack.presets).toStrictEqual([preset]);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips lone surrogates and characters JSON escapes', () => {
    const preset = makePreset({ name: 'x\udc00y', description: '"\\\u2028\u0000' });
    expect(decodeShareText(encodeShareText(preset))).toMatchObject({
      ok: true,
      pack: { presets: [preset] },
    });
  });

  it('ignores whitespace a chat app adds around the line', () => {
    const line = encodeShareText(makePreset());
    expect(decodeShareText(`  \n${line}\r\n `).ok).toBe(true);
  });

  it('accepts a hand-made share text with only the required fields', () => {
    const result = decodeShareText(
      shareOf(
        '{"id":"x","name":"X","nameTemplate":"t","scopes":[{"category":"Ads","methods":["GET"]}]}',
      ),
    );
    expect(result.ok && result.pack.presets[0]).toStrictEqual({
      id: 'x',
      name: 'X',
      nameTemplate: 't',
      description: '',
      version: 'latest',
      primaryContact: '',
      developerEmails: [],
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    });
    expect(
      PresetSchema.safeParse({ ...(result.ok && result.pack.presets[0]), updatedAt: 'x' }).success,
    ).toBe(false);
  });

  it('refuses other text, other versions and damaged lines with a reason', () => {
    expect(errorOf('hello')).toMatch(/^not a share text/);
    expect(errorOf('impact-token-preset:v3:abc')).toMatch(/newer version/);
    expect(errorOf(`${SHARE_TEXT_PREFIX}a+b/`)).toBe('the share text is damaged (not base64url)');
    expect(errorOf(`${SHARE_TEXT_PREFIX}a`)).toBe('the share text is damaged (not base64url)');
    // "QR" is a non-canonical spelling of "QQ" ("A"): the unused bits must be zero.
    expect(errorOf(`${SHARE_TEXT_PREFIX}QR`)).toBe('the share text is damaged (not base64url)');
    expect(errorOf(`${SHARE_TEXT_PREFIX}_w`)).toBe('the share text is damaged (not UTF-8)');
    expect(errorOf(SHARE_TEXT_PREFIX)).toMatch(/not valid JSON/);
    expect(errorOf(shareOf('[1]'))).toBe('the share text does not hold a preset');
  });

  it('cuts in the middle of a line are refused, not half-read', () => {
    const line = encodeShareText(makePreset());
    for (let cut = SHARE_TEXT_PREFIX.length; cut < line.length; cut += 7)
      expect(decodeShareText(line.slice(0, cut)).ok).toBe(false);
  });

  it('applies the pack limits: schema paths, forbidden keys, nesting, size', () => {
    const base = {
      id: 'x',
      name: 'X',
      nameTemplate: 't',
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    };
    expect(
      errorOf(
        shareOf(
          JSON.stringify({
            ...base,
            scopes: [{ category: 'Ads', methods: ['get'], endpoints: [] }],
          }),
        ),
      ),
    ).toBe('scopes[0].methods[0]: expected GET, POST, PUT, PATCH or DELETE');
    expect(errorOf(shareOf('{"__proto__":{"x":1}}'))).toBe('forbidden key "__proto__"');
    expect(errorOf(shareOf(`${'['.repeat(40)}${']'.repeat(40)}`))).toMatch(/nested deeper/);
    expect(errorOf(`${SHARE_TEXT_PREFIX}${'A'.repeat(300_000)}`)).toBe(
      'the share text is larger than 256 KB',
    );
  });

  it('never throws on non-string input from untyped callers', () => {
    for (const input of [undefined, null, 1, {}, [SHARE_TEXT_PREFIX]])
      expect(decodeShareText(input as unknown as string).ok).toBe(false);
  });
});
