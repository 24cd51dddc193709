import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { RunInSchema } from '../../../src/core/protocol-schemas';
import { METHODS } from '../../../src/core/scopes';
import { TokenRequestSchema } from '../../../src/core/token-request';
import {
  EMAIL_PATTERN_COPY,
  parseRunIn,
  parseTokenRequest,
} from '../../../src/core/validate-request';
import { emailArb } from './fixtures';

// Property runs take well under a second idle; CI boxes shared with other jobs can be far slower.
vi.setConfig({ testTimeout: 30_000 });

/** Strings around a length limit, optionally padded with whitespace that trimming removes. */
const aroundLimit = (limit: number) =>
  fc
    .tuple(
      fc.integer({ min: limit - 2, max: limit + 2 }),
      fc.constantFrom('', ' ', '\t\n', '\u00a0'),
      fc.constantFrom('x', 'é', ' '),
    )
    .map(([n, pad, ch]) => `${pad}${ch.repeat(Math.max(0, n))}${pad}`);

const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(null, 0, 1, true, [], {}, '', ' ', Number.NaN),
);

/** A field value: usually plausible, sometimes junk, sometimes explicitly undefined. */
const field = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: plausible, weight: 6 },
    { arbitrary: junk, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

const methodArb = fc.oneof(
  { arbitrary: fc.constantFrom(...METHODS), weight: 8 },
  { arbitrary: fc.constantFrom('get', 'patch', 'GET ', '', 'HEAD'), weight: 1 },
  { arbitrary: junk, weight: 1 },
);

const endpointArb = fc.oneof(
  {
    arbitrary: fc.record(
      {
        method: methodArb,
        path: field(
          fc.oneof(
            fc.constantFrom('/Mediapartners/{AccountSID}/Actions', ' /a ', 'a', '/a b', '/', ''),
            aroundLimit(300).map((s) => `/${s.slice(1)}`),
          ),
        ),
        summary: field(fc.oneof(fc.constantFrom('List Actions', ' ', ''), aroundLimit(200))),
        extra: junk,
      },
      { requiredKeys: ['method', 'path'] },
    ),
    weight: 9,
  },
  { arbitrary: junk, weight: 1 },
);

const scopeArb = fc.oneof(
  {
    arbitrary: fc.record(
      {
        category: field(
          fc.oneof(fc.constantFrom('Reports', ' Ads ', '', '   ', 'Promo Codes'), aroundLimit(80)),
        ),
        methods: field(fc.array(methodArb, { maxLength: 6 })),
        endpoints: field(fc.array(endpointArb, { maxLength: 3 })),
        extra: junk,
      },
      { requiredKeys: ['category'] },
    ),
    weight: 9,
  },
  { arbitrary: junk, weight: 1 },
);

const emailish = fc.oneof(
  emailArb,
  fc.constantFrom(
    'a@b',
    'a@b.c',
    '.a@b.co',
    'a.@b.co',
    'a@-b.co',
    'A@B.CO',
    "o'neil@x.io",
    'a b@c.de',
    ' a@b.co',
  ),
  fc.string({ maxLength: 12 }),
);

const requestArb = fc.record(
  {
    name: field(
      fc.oneof(fc.string({ maxLength: 20 }), aroundLimit(200), fc.constantFrom('', '  ', '\n')),
    ),
    description: field(fc.oneof(fc.string({ maxLength: 20 }), aroundLimit(2000))),
    version: field(
      fc.oneof(
        fc.constantFrom('latest', 'Latest', '16', '016', '1000', '', '1.5', '16\n', ' 16', '٣'),
        fc.stringMatching(/^\d{0,4}$/),
      ),
    ),
    primaryContact: field(fc.oneof(fc.string({ maxLength: 20 }), aroundLimit(320))),
    developerEmails: field(
      fc.oneof(
        fc.array(emailish, { maxLength: 4 }),
        fc
          .integer({ min: 49, max: 51 })
          .map((n) => Array.from({ length: n }, (_, i) => `d${i}@x.io`)),
      ),
    ),
    scopes: field(
      // Lists at the 2000-scope limit are slow to build and check, so they come rarely.
      fc.oneof(
        { arbitrary: fc.array(scopeArb, { maxLength: 4 }), weight: 20 },
        {
          arbitrary: fc
            .integer({ min: 1999, max: 2001 })
            .map((n) => Array.from({ length: n }, () => ({ category: 'Ads', methods: ['GET'] }))),
          weight: 1,
        },
      ),
    ),
    mode: field(fc.constantFrom('review', 'create', 'Create', '')),
    unexpected: junk,
  },
  { requiredKeys: [] },
);

/** Requests that are mostly valid, so that accepted values get compared too. */
/** Usually the plain case, sometimes the edge. */
const mostly = <T>(plain: fc.Arbitrary<T>, edge: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: edge, weight: 1 });

const validishRequestArb = fc.record(
  {
    name: mostly(fc.constantFrom('Acme-reporting', ' padded '), aroundLimit(200)),
    description: mostly(fc.string({ maxLength: 20 }), aroundLimit(2000)),
    version: fc.oneof(fc.constant('latest'), fc.stringMatching(/^\d{1,3}$/)),
    primaryContact: mostly(fc.oneof(fc.constant(''), emailArb), aroundLimit(320)),
    developerEmails: fc.array(emailArb, { maxLength: 3 }),
    scopes: fc.array(
      fc.record({
        category: mostly(fc.constantFrom('Reports', ' Ads ', 'Promo Codes'), aroundLimit(80)),
        methods: fc.array(fc.constantFrom(...METHODS), { minLength: 1, maxLength: 5 }),
        endpoints: fc.array(
          fc.record(
            {
              method: fc.constantFrom(...METHODS),
              path: fc.constantFrom('/Mediapartners/{AccountSID}/Actions', ' /x/{id} '),
              summary: fc.constantFrom('List Actions', ' padded '),
            },
            { requiredKeys: ['method', 'path'] },
          ),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    mode: fc.constantFrom('review', 'create'),
  },
  { requiredKeys: ['name', 'scopes'] },
);

const MUTATION_TARGETS = [
  ['name'],
  ['description'],
  ['version'],
  ['primaryContact'],
  ['developerEmails'],
  ['developerEmails', 0],
  ['scopes'],
  ['scopes', 0],
  ['scopes', 0, 'category'],
  ['scopes', 0, 'methods'],
  ['scopes', 0, 'methods', 0],
  ['mode'],
] as const;

/** Sets (or deletes) one place in a copy of the request; missing parents leave it unchanged. */
const mutateAt = (
  input: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
  remove: boolean,
) => {
  const copy = structuredClone(input);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
};

const mutatedRequestArb = fc
  .tuple(
    validishRequestArb,
    fc.array(
      fc.tuple(
        fc.constantFrom(...MUTATION_TARGETS),
        fc.oneof(
          junk,
          fc.constant(undefined),
          fc.constantFrom('GET', 'get', '', ' ', 'latest', 'a@b.co'),
        ),
        fc.boolean(),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([request, mutations]) =>
    mutations.reduce<Record<string, unknown>>(
      (acc, [path, value, remove]) => mutateAt(acc, path, value, remove),
      request,
    ),
  );

const anyRequest = fc.oneof(
  { arbitrary: mutatedRequestArb, weight: 6 },
  { arbitrary: requestArb, weight: 3 },
  { arbitrary: junk, weight: 1 },
);

const agrees = <T>(
  zodResult: z.ZodSafeParseResult<T>,
  handResult: { ok: true; value: T } | { ok: false; error: string },
) => {
  expect(handResult.ok).toBe(zodResult.success);
  if (zodResult.success && handResult.ok) expect(handResult.value).toStrictEqual(zodResult.data);
  if (!handResult.ok) expect(handResult.error.length).toBeGreaterThan(0);
};

describe('parseTokenRequest', () => {
  it('accepts and rejects exactly what TokenRequestSchema does, with the same value', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyRequest, (input) => {
        const zodResult = TokenRequestSchema.safeParse(input);
        if (zodResult.success) accepted++;
        agrees(zodResult, parseTokenRequest(input));
      }),
      { numRuns: 4000 },
    );
    // Both verdicts must be well represented, or the property proves little.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(3600);
  });

  it('fills defaults, trims and drops unknown keys like the schema', () => {
    expect(
      parseTokenRequest({
        name: '  x  ',
        scopes: [{ category: ' Ads ', methods: ['GET'], z: 1 }],
        y: 2,
      }),
    ).toStrictEqual({
      ok: true,
      value: {
        name: 'x',
        description: '',
        version: 'latest',
        primaryContact: '',
        developerEmails: [],
        scopes: [{ category: 'Ads', methods: ['GET'], endpoints: [] }],
        mode: 'review',
      },
    });
  });

  it('names the path of a problem', () => {
    expect(
      parseTokenRequest({ name: 'x', scopes: [{ category: 'Ads', methods: ['GET', 'FETCH'] }] }),
    ).toEqual({
      ok: false,
      error: 'scopes[0].methods[1]: expected GET, POST, PUT, PATCH or DELETE',
    });
    expect(parseTokenRequest(null)).toEqual({ ok: false, error: 'expected an object' });
  });

  it('does not throw on hostile objects', () => {
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(parseTokenRequest(trap)).toMatchObject({ ok: false });
  });
});

describe('parseRunIn', () => {
  const runInArb = fc.oneof(
    fc.record(
      { type: field(fc.constantFrom('start', 'cancel', 'stop')), request: anyRequest, extra: junk },
      { requiredKeys: [] },
    ),
    junk,
  );

  it('accepts and rejects exactly what RunInSchema does, with the same value', () => {
    fc.assert(
      fc.property(runInArb, (input) => agrees(RunInSchema.safeParse(input), parseRunIn(input))),
      { numRuns: 2000 },
    );
  });

  it('reads start and cancel messages', () => {
    expect(parseRunIn({ type: 'cancel', request: 1 })).toEqual({
      ok: true,
      value: { type: 'cancel' },
    });
    const start = parseRunIn({
      type: 'start',
      request: { name: 'n', scopes: [{ category: 'Ads', methods: ['GET'] }] },
    });
    expect(start.ok && start.value.type === 'start' && start.value.request.name).toBe('n');
    expect(parseRunIn({ type: 'start', request: { name: 'n', scopes: [] } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^request\.scopes: /),
    });
  });
});

describe('the content-script validator stays free of zod', () => {
  it('copies the email pattern it cannot import', () => {
    // The formatter drops a redundant `\-` escape, so compare with escapes normalized…
    const normalized = (re: RegExp) => re.source.replaceAll('\\-', '-');
    expect(normalized(EMAIL_PATTERN_COPY)).toBe(normalized(z.regexes.email));
    expect(EMAIL_PATTERN_COPY.flags).toBe(z.regexes.email.flags);
    // …and by behaviour.
    fc.assert(
      fc.property(fc.oneof(emailish, fc.string()), (text) => {
        expect(EMAIL_PATTERN_COPY.test(text)).toBe(z.regexes.email.test(text));
      }),
      { numRuns: 500 },
    );
  });

  it('imports nothing at run time except zod-free modules', () => {
    const read = (file: string) =>
      readFileSync(new URL(`../../../src/core/${file}`, import.meta.url), 'utf8');
    const runtimeImports = (source: string) =>
      [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports(read('validate-request.ts')).sort()).toEqual([
      './issue-text',
      './scope-model',
    ]);
    expect(runtimeImports(read('issue-text.ts'))).toEqual([]);
    expect(runtimeImports(read('scope-model.ts'))).toEqual([]);
  });
});
