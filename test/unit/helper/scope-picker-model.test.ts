import { describe, expect, it } from 'vitest';
import { publicCatalog } from '../../../src/core/public-catalog';
import { methodScope, type Scope } from '../../../src/core/scopes';
import {
  filterPicker,
  methodCounts,
  type PickerCategory,
  pickerCategories,
  readOnlyScopes,
  setEndpointGrant,
  setMethodGrant,
  withGranted,
} from '../../../src/helper/scope-picker-model';

const P = '/Mediapartners/{AccountSID}';
const rows = pickerCategories(publicCatalog('partner'));
const row = (category: string) => rows.find((r) => r.category === category) as PickerCategory;
const endpoint = (category: string, path: string) =>
  row(category)
    .groups.flatMap((g) => g.endpoints)
    .find((e) => e.path === `${P}${path}`) as PickerCategory['groups'][number]['endpoints'][number];

const ACTIONS = row('Actions');
const actionsPaths = ACTIONS.groups[0]?.endpoints.map((e) => e.path) ?? [];

describe('scope picker model', () => {
  it('lists every category of the catalog, endpoints grouped by method', () => {
    expect(rows).toHaveLength(26);
    expect(rows.flatMap((r) => r.groups.flatMap((g) => g.endpoints))).toHaveLength(74);
    expect(row('Accounts').groups.map((g) => [g.method, g.endpoints.length])).toEqual([
      ['GET', 1],
      ['PUT', 1],
    ]);
  });

  it('a method grant covers the method and absorbs its pinned endpoints', () => {
    const pinned = setEndpointGrant([], ACTIONS, endpoint('Actions', '/Actions'), true);
    expect(pinned).toEqual([
      { category: 'Actions', methods: [], endpoints: [{ method: 'GET', path: `${P}/Actions` }] },
    ]);
    const granted = setMethodGrant(pinned, ACTIONS, 'GET', true);
    expect(granted).toEqual([methodScope('Actions', ['GET'])]);
    expect(setMethodGrant(granted, ACTIONS, 'GET', false)).toEqual([]);
  });

  it('unticking one endpoint under its method grant pins the others', () => {
    const granted = [methodScope('Actions', ['GET'])];
    const next = setEndpointGrant(granted, ACTIONS, endpoint('Actions', '/Actions'), false);
    expect(next[0]?.methods).toEqual([]);
    expect(next[0]?.endpoints.map((e) => e.path).sort()).toEqual(
      actionsPaths.filter((p) => p !== `${P}/Actions`).sort(),
    );
    // Ticking it again: every GET endpoint is pinned, which is the method grant.
    expect(setEndpointGrant(next, ACTIONS, endpoint('Actions', '/Actions'), true)).toEqual(granted);
  });

  it('leaves other categories as they were (same objects), and drops one that grants nothing', () => {
    const reports = methodScope('Reports', ['GET']);
    const scopes = setMethodGrant([reports], ACTIONS, 'GET', true);
    expect(scopes[0]).toBe(reports);
    expect(setMethodGrant(scopes, ACTIONS, 'GET', false)).toEqual([reports]);
  });

  it('GET only keeps GET method grants and pinned GET endpoints', () => {
    const scopes: Scope[] = [
      methodScope('Accounts', ['GET', 'PUT']),
      {
        category: 'Jobs',
        methods: [],
        endpoints: [
          { method: 'GET', path: `${P}/Jobs` },
          { method: 'PUT', path: `${P}/Jobs/{Id}` },
        ],
      },
      methodScope('Tracking Links', ['POST']),
    ];
    expect(readOnlyScopes(scopes)).toEqual([
      methodScope('Accounts', ['GET']),
      { category: 'Jobs', methods: [], endpoints: [{ method: 'GET', path: `${P}/Jobs` }] },
    ]);
  });

  it('counts granted of offered endpoints per method', () => {
    const one = setEndpointGrant([], row('Reports'), endpoint('Reports', '/Reports'), true);
    expect(methodCounts(row('Reports'), one[0])).toEqual([
      { method: 'GET', granted: 1, total: 4, whole: false },
    ]);
    expect(methodCounts(ACTIONS, methodScope('Actions', ['GET']))).toEqual([
      { method: 'GET', granted: 6, total: 6, whole: true },
    ]);
  });

  it('adds rows for grants the list lacks, keeping the rows of the others', () => {
    const scopes: Scope[] = [
      methodScope('Actions', ['POST']),
      methodScope('Nope', ['GET']),
      methodScope('Reports', ['GET']),
    ];
    const listed = withGranted(rows, scopes);
    expect(listed.find((r) => r.category === 'Reports')).toBe(row('Reports'));
    expect(listed.find((r) => r.category === 'Actions')?.groups.map((g) => g.method)).toEqual([
      'GET',
      'POST',
    ]);
    expect(listed.at(-1)).toMatchObject({ category: 'Nope', groups: [{ method: 'GET' }] });
  });

  it('filters by category name, path and summary words, and by method', () => {
    const report = filterPicker(rows, 'report');
    expect(report?.get('reports')?.endpoints).toBeUndefined(); // the name matches: all of it
    expect(report?.has('actions')).toBe(false);
    const get = filterPicker(rows, 'GET');
    expect(get?.has('tracking links')).toBe(false); // POST only
    expect([...(get?.get('accounts')?.methods ?? [])]).toEqual(['GET']);
    const words = filterPicker(rows, 'items action');
    expect([...(words?.keys() ?? [])]).toEqual(['actions']);
    expect(words?.get('actions')?.endpoints?.size).toBe(2);
    expect(filterPicker(rows, '  ')).toBeUndefined();
    expect(filterPicker(rows, 'zzz')?.size).toBe(0);
  });
});
