import { describe, expect, it } from 'vitest';
import { publicCatalog } from '../../../src/core/public-catalog';
import {
  catalogChanges,
  catalogPath,
  scopeDrift,
  withSummaries,
} from '../../../src/core/scope-catalog';
import {
  grantLabels,
  isEndpoint,
  methodScope,
  normalizeScopes,
  pathKey,
  type Scope,
  ScopeSchema,
} from '../../../src/core/scopes';

const ACTIONS = '/Mediapartners/{AccountSID}/Actions';
const ACTION = '/Mediapartners/{AccountSID}/Actions/{ActionId}';
const REPORTS = '/Mediapartners/{AccountSID}/Reports';
const partner = publicCatalog('partner');

describe('the per-endpoint scope model', () => {
  it('reads a version 1 scope, an endpoint-only scope and both, and refuses neither', () => {
    expect(ScopeSchema.parse({ category: 'Ads', methods: ['GET'] })).toEqual(
      methodScope('Ads', ['GET']),
    );
    expect(
      ScopeSchema.parse({ category: 'Reports', endpoints: [{ method: 'GET', path: REPORTS }] }),
    ).toEqual({ category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: REPORTS }] });
    expect(ScopeSchema.safeParse({ category: 'Ads' }).success).toBe(false);
    expect(ScopeSchema.safeParse({ category: 'Ads', methods: [], endpoints: [] }).success).toBe(
      false,
    );
    expect(
      ScopeSchema.safeParse({ category: 'Ads', endpoints: [{ method: 'GET', path: 'Ads' }] })
        .success,
    ).toBe(false);
  });

  it('compares paths without case or placeholder spelling', () => {
    expect(pathKey('/Mediapartners/{accountSid}/actions')).toBe(pathKey(ACTIONS));
    expect(pathKey('/Mediapartners/{AccountSID}/Actions/x')).not.toBe(pathKey(ACTIONS));
    expect(
      isEndpoint(
        { method: 'GET', path: '/mediapartners/{sid}/ACTIONS' },
        { method: 'GET', path: ACTIONS },
      ),
    ).toBe(true);
    expect(isEndpoint({ method: 'PUT', path: ACTIONS }, { method: 'GET', path: ACTIONS })).toBe(
      false,
    );
    // A row that shows no path is matched by its summary, and only when the request has one.
    expect(
      isEndpoint(
        { method: 'GET', summary: 'List  actions' },
        { method: 'GET', path: ACTIONS, summary: 'List Actions' },
      ),
    ).toBe(true);
    expect(
      isEndpoint({ method: 'GET', summary: 'List Actions' }, { method: 'GET', path: ACTIONS }),
    ).toBe(false);
  });

  it('absorbs pinned endpoints a method grant covers, and de-duplicates the rest', () => {
    expect(
      normalizeScopes([
        {
          category: 'Actions',
          methods: ['GET'],
          endpoints: [
            { method: 'GET', path: ACTION },
            { method: 'PUT', path: ACTIONS },
          ],
        },
        {
          category: 'actions',
          methods: [],
          endpoints: [{ method: 'PUT', path: '/mediapartners/{sid}/actions' }],
        },
      ]),
    ).toEqual([
      { category: 'Actions', methods: ['GET'], endpoints: [{ method: 'PUT', path: ACTIONS }] },
    ]);
  });

  it('turns a wholly pinned method into the method grant, given a catalog', () => {
    const actions = partner.find((c) => c.category === 'Actions');
    const everyGet = (actions?.endpoints ?? []).map((e) => ({
      method: e.method,
      path: e.path as string,
    }));
    expect(everyGet).toHaveLength(6);
    const pinned: Scope[] = [{ category: 'Actions', methods: [], endpoints: everyGet }];
    expect(normalizeScopes(pinned, partner)).toEqual([methodScope('Actions', ['GET'])]);
    // Without the catalog nothing says these are all of them.
    expect(normalizeScopes(pinned)[0]?.endpoints).toHaveLength(6);
    // One short of all stays pinned.
    expect(
      normalizeScopes([{ ...pinned[0], endpoints: everyGet.slice(1) } as Scope], partner)[0]
        ?.methods,
    ).toEqual([]);
  });

  it('is idempotent and order-insensitive for equal access', () => {
    const a: Scope[] = [
      { category: 'Ads', methods: ['POST', 'GET'], endpoints: [] },
      { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: REPORTS }] },
    ];
    const b: Scope[] = [
      { category: 'Ads', methods: ['GET'], endpoints: [] },
      { category: 'Ads', methods: ['POST'], endpoints: [{ method: 'GET', path: '/x' }] },
      { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: REPORTS }] },
    ];
    const once = normalizeScopes(a);
    expect(normalizeScopes(once)).toEqual(once);
    expect(grantLabels(normalizeScopes(b))).toEqual(grantLabels(once));
  });
});

describe('drift against the page and between sightings', () => {
  it('names a missing method, a missing pinned endpoint and a missing category', () => {
    const wanted = normalizeScopes([
      methodScope('Actions', ['GET', 'POST']),
      { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: `${REPORTS}/Nope` }] },
      methodScope('Nope', ['GET']),
    ]);
    expect(scopeDrift(wanted, partner)).toEqual([
      { category: 'Actions', method: 'POST' },
      { category: 'Reports', method: 'GET', path: `${REPORTS}/Nope` },
      { category: 'Nope', method: 'GET' },
    ]);
  });

  it('counts a pinned endpoint as missing on the per-method page, and skips unseen categories', () => {
    const perMethod = [{ category: 'Reports', methods: ['GET' as const], endpoints: [] }];
    const wanted = [
      { category: 'Reports', methods: [], endpoints: [{ method: 'GET' as const, path: REPORTS }] },
    ];
    expect(scopeDrift(wanted, perMethod)).toEqual([
      { category: 'Reports', method: 'GET', path: REPORTS },
    ]);
    expect(scopeDrift(wanted, [{ ...perMethod[0], methods: [], unseen: true } as never])).toEqual(
      [],
    );
  });

  it('matches a summary-only page through the catalog summaries', () => {
    const summaryOnly = partner.map((c) => ({
      ...c,
      endpoints: c.endpoints.map((e) => ({ method: e.method, summary: e.summary })),
    }));
    const wanted = [
      { category: 'Reports', methods: [], endpoints: [{ method: 'GET' as const, path: REPORTS }] },
    ];
    expect(scopeDrift(wanted, summaryOnly)).toHaveLength(1);
    expect(scopeDrift(wanted, summaryOnly, partner)).toEqual([]);
    const reports = partner
      .find((c) => c.category === 'Reports')
      ?.endpoints.find((e) => e.path === REPORTS);
    expect(withSummaries(wanted, partner)[0]?.endpoints[0]?.summary).toBe(reports?.summary);
  });

  it('gives a shown row the catalog’s path: its spelling, or the one path its summary names', () => {
    const actions = partner.find((c) => c.category === 'Actions');
    expect(
      catalogPath({ method: 'GET', path: '/Mediapartners/{accountSid}/actions' }, actions),
    ).toBe(ACTIONS);
    expect(catalogPath({ method: 'GET', summary: 'List Actions' }, actions)).toBe(ACTIONS);
    // A method the summary does not go with, or a path the catalog lacks: no name, never a guess.
    expect(catalogPath({ method: 'PUT', summary: 'List Actions' }, actions)).toBeUndefined();
    expect(catalogPath({ method: 'GET', path: '/nope' }, actions)).toBeUndefined();
    expect(catalogPath({ method: 'GET', summary: 'List Actions' }, undefined)).toBeUndefined();
  });

  it('names endpoints that appeared or vanished', () => {
    const before = partner.slice(0, 3);
    const actions = before[2];
    if (!actions) throw new Error('catalog shape');
    const after = [
      before[0],
      {
        ...actions,
        endpoints: [...actions.endpoints.slice(1), { method: 'GET' as const, path: '/new' }],
      },
      ...partner.slice(3, 4),
    ].filter((c) => c !== undefined);
    const changes = catalogChanges(before, after);
    expect(changes.map((c) => [c.category, c.whole, c.appeared.length, c.vanished.length])).toEqual(
      [
        ['Actions', undefined, 1, 1],
        ['Ads', 'appeared', 5, 0],
        ['Action Inquiries', 'vanished', 0, 3],
      ],
    );
  });
});
