import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  exportPack,
  PACK_FORMAT,
  PACK_VERSION,
  type PackPreset,
  packJsonSchema,
  parsePack,
} from '../../../src/core/pack';
import { markManaged } from '../../../src/core/preset';
import { makePreset, presetArb } from './fixtures';

// Property runs take well under a second idle; CI boxes shared with other jobs can be far slower.
vi.setConfig({ testTimeout: 30_000 });

const packText = (presets: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, presets, ...extra });

const errorOf = (text: string): string => {
  const result = parsePack(text);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.error;
};

describe('parsePack', () => {
  it('reads a minimal hand-written pack and fills in the defaults', () => {
    const result = parsePack(
      packText([
        {
          id: 'read-only',
          name: 'Read only',
          nameTemplate: '{account}-ro-{date}',
          scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
        },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      pack: {
        format: PACK_FORMAT,
        version: PACK_VERSION,
        presets: [
          {
            id: 'read-only',
            name: 'Read only',
            nameTemplate: '{account}-ro-{date}',
            description: '',
            version: 'latest',
            primaryContact: '',
            developerEmails: [],
            scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
          },
        ],
      },
    });
  });

  it('reports the path of the first problem in the form people read', () => {
    const good = {
      id: 'a',
      name: 'A',
      nameTemplate: 'a',
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    };
    const text = packText([
      good,
      { ...good, id: 'b', name: 'B' },
      {
        ...good,
        id: 'c',
        name: 'C',
        scopes: [{ category: 'Ads', methods: ['GET', 'HEAD'], endpoints: [] }],
      },
    ]);
    expect(errorOf(text)).toBe(
      'presets[2].scopes[0].methods[1]: expected GET, POST, PUT, PATCH or DELETE',
    );
  });

  it('names missing fields, wrong types and bad emails with their path', () => {
    const base = {
      id: 'a',
      name: 'A',
      nameTemplate: 'a',
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    };
    expect(errorOf(packText([{ ...base, name: undefined }]))).toMatch(/^presets\[0\]\.name: /);
    expect(errorOf(packText([{ ...base, version: 16 }]))).toBe(
      'presets[0].version: expected "latest" or a version number such as "16"',
    );
    expect(errorOf(packText([{ ...base, developerEmails: ['ok@acme.example', 'nope'] }]))).toMatch(
      /^presets\[0\]\.developerEmails\[1\]: .*email/i,
    );
    expect(errorOf(packText([{ ...base, scopes: [] }]))).toBe(
      'presets[0].scopes: a preset needs at least one scope',
    );
    expect(errorOf(packText([{ ...base, id: 'has space' }]))).toMatch(/^presets\[0\]\.id: /);
  });

  it('refuses duplicate ids and empty packs', () => {
    const p = {
      id: 'a',
      name: 'A',
      nameTemplate: 'a',
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    };
    expect(errorOf(packText([p, { ...p, name: 'B' }]))).toBe('presets[1].id: duplicate id "a"');
    expect(errorOf(packText([]))).toBe('presets: the pack holds no presets');
  });

  it('refuses other files by their format id before looking further', () => {
    expect(errorOf('{"presets": []}')).toMatch(/^not a preset pack/);
    expect(errorOf('[1,2,3]')).toMatch(/^not a preset pack/);
    expect(errorOf('"impact-token-presets"')).toMatch(/^not a preset pack/);
    expect(errorOf(JSON.stringify({ format: 'other', version: 1, presets: [] }))).toMatch(
      /^not a preset pack/,
    );
  });

  it('tells a newer pack apart from a broken version field', () => {
    expect(errorOf(JSON.stringify({ format: PACK_FORMAT, version: 3, presets: [] }))).toMatch(
      /newer version of the extension/,
    );
    expect(errorOf(JSON.stringify({ format: PACK_FORMAT, version: '1', presets: [] }))).toBe(
      'unsupported pack version "1" (expected 1 or 2)',
    );
    expect(errorOf(JSON.stringify({ format: PACK_FORMAT, presets: [] }))).toBe(
      'unsupported pack version (missing) (expected 1 or 2)',
    );
  });

  it('reports JSON syntax errors without throwing', () => {
    expect(errorOf('{"format": ')).toMatch(/^the file is not valid JSON/);
    expect(errorOf('')).toMatch(/^the file is not valid JSON/);
  });

  it('refuses files over 256 KB, counted in UTF-8 bytes', () => {
    const preset = {
      id: 'a',
      name: 'A',
      nameTemplate: 'a',
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    };
    const pad = (n: number, ch: string) => packText([preset], { note: ch.repeat(n) });
    const overhead = pad(0, 'x').length;
    expect(parsePack(pad(256 * 1024 - overhead, 'x')).ok).toBe(true);
    expect(errorOf(pad(256 * 1024 - overhead + 1, 'x'))).toBe('the file is larger than 256 KB');
    // 100 K characters but 200 KB+ of UTF-8: fine; 140 K two-byte characters are not.
    expect(parsePack(pad(100_000, 'é')).ok).toBe(true);
    expect(errorOf(pad(140_000, 'é'))).toBe('the file is larger than 256 KB');
  });

  it('refuses prototype-polluting keys anywhere, naming where', () => {
    const p = {
      id: 'a',
      name: 'A',
      nameTemplate: 'a',
      scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
    };
    expect(errorOf(`{"__proto__": {"polluted": true}, "format": "${PACK_FORMAT}"}`)).toBe(
      'forbidden key "__proto__"',
    );
    const nested = packText([p]).replace(
      '"category"',
      '"constructor": {"prototype": 1}, "category"',
    );
    expect(errorOf(nested)).toBe('presets[0].scopes[0]: forbidden key "constructor"');
    expect(errorOf(packText([{ ...p, prototype: 'x' }]))).toBe(
      'presets[0]: forbidden key "prototype"',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(errorOf(deep)).toBe('the file is nested deeper than 32 levels');
    const deepObject = `{"format":"${PACK_FORMAT}","x":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`;
    expect(errorOf(deepObject)).toMatch(/nested deeper/);
    // Brackets inside strings are text, not nesting.
    const inString = packText([
      {
        id: 'a',
        name: '['.repeat(50),
        nameTemplate: 'a',
        scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
      },
    ]);
    expect(parsePack(inString).ok).toBe(true);
  });

  it('never throws on non-string input from untyped callers', () => {
    for (const input of [undefined, null, 42, {}, []])
      expect(parsePack(input as unknown as string).ok).toBe(false);
  });
});

describe('exportPack', () => {
  it('writes pretty JSON that names its format', () => {
    const text = exportPack([makePreset()]);
    expect(text).toContain('\n  "format": "impact-token-presets",\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('drops load-time flags such as managed', () => {
    const text = exportPack(markManaged([makePreset()]));
    expect(text).not.toContain('managed');
  });

  it('round-trips exactly: export then parse gives the same presets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(presetArb, { minLength: 1, maxLength: 5, selector: (p) => p.id }),
        (presets) => {
          const result = parsePack(exportPack(presets));
          expect(result.ok && result.pack.presets).toStrictEqual(presets);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips presets without updatedAt and odd text (lone surrogates, quotes, newlines)', () => {
    const { updatedAt: _, ...withoutTime } = makePreset({
      name: 'Odd \ud800 "quoted"\nname',
      description: '<script>\u2028</script>',
    });
    const presets: PackPreset[] = [withoutTime];
    const result = parsePack(exportPack(presets));
    expect(result.ok && result.pack.presets).toStrictEqual(presets);
  });
});

describe('packJsonSchema', () => {
  it('describes the input form: defaults optional, methods enumerated', () => {
    const schema = packJsonSchema() as {
      properties: {
        format: { const: string };
        presets: { items: { required: string[]; properties: Record<string, { items?: unknown }> } };
      };
    };
    expect(schema.properties.format.const).toBe(PACK_FORMAT);
    const item = schema.properties.presets.items;
    expect(item.required.sort()).toEqual(['id', 'name', 'nameTemplate', 'scopes']);
    expect(JSON.stringify(item.properties.scopes)).toContain(
      '"enum":["GET","POST","PUT","PATCH","DELETE"]',
    );
  });
});
