import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  defaultResolutions,
  type ImportResolution,
  planImport,
} from '../../../src/core/import-plan';
import {
  exportPack,
  PACK_FORMAT,
  type PackResult,
  PackSchema,
  parsePack,
} from '../../../src/core/pack';
import { PresetSchema } from '../../../src/core/preset';
import { decodeShareText, encodeShareText, SHARE_TEXT_PREFIX } from '../../../src/core/share-text';
import { deepFreeze, makePreset, presetArb } from './fixtures';

/**
 * Imports read text from strangers. Whatever arrives — wrong types, deep nesting, huge strings,
 * prototype keys, random JSON, damaged packs — the import must answer with a pack or an error,
 * never throw, and never alter the stored list. 6,000 pack inputs + 4,000 share lines = 10,000.
 */

const PACK_RUNS = 6000;
const SHARE_RUNS = 4000;
/** About 2 s each on an idle 2-core machine; the margin is for CI boxes shared with other jobs. */
const PROPERTY_TIMEOUT_MS = 60_000;

const stored = deepFreeze([
  makePreset(),
  makePreset({
    id: 'ads',
    name: 'Ads admin',
    scopes: [{ category: 'Ads', methods: ['GET', 'POST'] }],
  }),
]);
const storedBytes = JSON.stringify(stored);

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** JSON-like values including the shapes a pack uses, so mutations land near real fields. */
const jsonish = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('GET', 'PATCH', 'latest', '16', '', ' ', 'a@b.co', null, -1, 1.5, 2 ** 53, true),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Puts `value` at a random place in a JSON tree (or replaces the root). */
const mutate = (root: unknown, pathSeed: number[], value: unknown, remove: boolean): unknown => {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (let i = 0; i < pathSeed.length; i++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(pathSeed[i] as number) % keys.length] as string;
    const child = (node as Record<string, unknown>)[key];
    const last = i === pathSeed.length - 1 || typeof child !== 'object' || child === null;
    if (last) {
      if (remove && !Array.isArray(node)) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = value;
      return copy;
    }
    node = child;
  }
  return value;
};

/** Adds an own forbidden key (as JSON.parse would create it) somewhere in the tree. */
const injectKey = (root: unknown, pathSeed: number[], key: string, value: unknown): unknown => {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const seed of pathSeed) {
    const children = Object.values(node).filter(
      (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
    );
    if (children.length === 0) break;
    node = children[seed % children.length] as Record<string, unknown>;
  }
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
};

const validPackValue = fc
  .uniqueArray(presetArb, { minLength: 1, maxLength: 3, selector: (p) => p.id })
  .map((presets) => JSON.parse(exportPack(presets)) as unknown);

const mutatedPackText = fc
  .tuple(validPackValue, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), jsonish, fc.boolean())
  .map(([pack, seed, value, remove]) => JSON.stringify(mutate(pack, seed, value, remove)) ?? '');

const pollutedPackText = fc
  .tuple(
    validPackValue,
    fc.array(fc.nat(), { maxLength: 5 }),
    fc.constantFrom(...FORBIDDEN),
    jsonish,
  )
  .map(([pack, seed, key, value]) => JSON.stringify(injectKey(pack, seed, key, value)));

const damagedPackText = fc
  .tuple(validPackValue, fc.nat(), fc.nat(), fc.string({ maxLength: 3 }))
  .map(([pack, at, cut, insert]) => {
    const text = JSON.stringify(pack);
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + (cut % 4));
  });

const deepText = fc
  .tuple(
    fc.integer({ min: 1, max: 60_000 }),
    fc.constantFrom('[', '{"a":', '{"presets":['),
    fc.boolean(),
  )
  .map(([depth, open, closed]) => {
    const close = open === '[' ? ']' : open === '{"a":' ? '}' : ']}';
    return `${open.repeat(depth)}1${closed ? close.repeat(depth) : ''}`;
  });

const hugeText = fc
  .tuple(fc.integer({ min: 250_000, max: 300_000 }), fc.constantFrom('x', 'é', '€', '😀', '['))
  .map(
    ([size, ch]) =>
      `{"format":"${PACK_FORMAT}","version":1,"presets":[],"x":"${ch.repeat(size / ch.length)}"}`,
  );

const wrongTypes = fc
  .record(
    {
      format: fc.oneof(fc.constant(PACK_FORMAT), jsonish),
      version: fc.oneof(fc.constant(1), jsonish),
      presets: fc.oneof(fc.array(jsonish, { maxLength: 3 }), jsonish),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

const packInput = fc.oneof(
  { arbitrary: mutatedPackText, weight: 5 },
  { arbitrary: pollutedPackText, weight: 2 },
  { arbitrary: damagedPackText, weight: 3 },
  { arbitrary: wrongTypes, weight: 2 },
  { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
  { arbitrary: deepText, weight: 1 },
  { arbitrary: hugeText, weight: 1 },
);

const toBase64Url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
const shareOf = (json: string) => SHARE_TEXT_PREFIX + toBase64Url(new TextEncoder().encode(json));

const shareInput = fc.oneof(
  {
    arbitrary: fc
      .tuple(presetArb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), jsonish, fc.boolean())
      .map(([preset, seed, value, remove]) =>
        shareOf(
          JSON.stringify(mutate(JSON.parse(JSON.stringify(preset)), seed, value, remove)) ?? '',
        ),
      ),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(
        presetArb,
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.constantFrom(...FORBIDDEN),
        jsonish,
      )
      .map(([preset, seed, key, value]) =>
        shareOf(JSON.stringify(injectKey(preset, seed, key, value))),
      ),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(presetArb, fc.nat(), fc.nat(), fc.string({ maxLength: 2 }))
      .map(([preset, at, cut, insert]) => {
        const line = encodeShareText(preset);
        const i = at % (line.length + 1);
        return line.slice(0, i) + insert + line.slice(i + (cut % 3));
      }),
    weight: 3,
  },
  {
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => SHARE_TEXT_PREFIX + toBase64Url(b)),
    weight: 2,
  },
  { arbitrary: fc.jsonValue().map((v) => shareOf(JSON.stringify(v))), weight: 2 },
  {
    arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => SHARE_TEXT_PREFIX + s),
    weight: 1,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'))
      .map(([depth, open]) => shareOf(`${open.repeat(depth)}1`)),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: 250_000, max: 400_000 })
      .map((n) => SHARE_TEXT_PREFIX + 'A'.repeat(n)),
    weight: 1,
  },
);

const RESOLUTIONS: ImportResolution[] = ['keep-both', 'replace', 'skip'];

/** Runs the import as the helper would, and checks the promises every answer must keep. */
const checkImport = (result: PackResult, resolutionSeed: number[]) => {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.error.length).toBeLessThan(400);
  } else {
    expect(PackSchema.safeParse(result.pack).success).toBe(true);
    const items = planImport(stored, result.pack.presets);
    // Either the safe defaults or arbitrary (possibly impossible) choices.
    const resolutions: Record<number, ImportResolution> =
      resolutionSeed.length === 0
        ? defaultResolutions(items)
        : Object.fromEntries(
            items.map((item, i) => [
              item.index,
              RESOLUTIONS[(resolutionSeed[i % resolutionSeed.length] ?? 0) % 3] ?? 'skip',
            ]),
          );
    const outcome = applyImport(stored, items, resolutions, {
      now: new Date(0),
      newId: (() => {
        let n = 0;
        return () => `generated-${++n}`;
      })(),
    });
    if (outcome.ok) {
      expect(PresetSchema.array().safeParse(outcome.presets).success).toBe(true);
      expect(new Set(outcome.presets.map((p) => p.id)).size).toBe(outcome.presets.length);
    }
  }
  // The stored list is frozen (mutation would throw) and must serialize byte for byte as before.
  expect(JSON.stringify(stored)).toBe(storedBytes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

describe('hostile imports', () => {
  it(
    `parsePack answers every one of ${PACK_RUNS} hostile inputs and leaves the stored list alone`,
    () => {
      let refused = 0;
      fc.assert(
        fc.property(packInput, fc.array(fc.nat(), { maxLength: 3 }), (text, seed) => {
          const result = parsePack(text);
          if (!result.ok) refused++;
          checkImport(result, seed);
        }),
        { numRuns: PACK_RUNS },
      );
      // The generators must actually reach the refusal paths, and not only them.
      expect(refused).toBeGreaterThan(PACK_RUNS / 3);
      expect(refused).toBeLessThan(PACK_RUNS);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    `decodeShareText answers every one of ${SHARE_RUNS} hostile lines and leaves the stored list alone`,
    () => {
      let refused = 0;
      fc.assert(
        fc.property(shareInput, fc.array(fc.nat(), { maxLength: 3 }), (line, seed) => {
          const result = decodeShareText(line);
          if (!result.ok) refused++;
          checkImport(result, seed);
        }),
        { numRuns: SHARE_RUNS },
      );
      expect(refused).toBeGreaterThan(SHARE_RUNS / 3);
      expect(refused).toBeLessThan(SHARE_RUNS);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
