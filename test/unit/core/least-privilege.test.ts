import { describe, expect, it } from 'vitest';
import { privilegeWarnings } from '../../../src/core/least-privilege';
import { REFERENCE_CATEGORIES } from '../../../src/core/scopes';

describe('privilegeWarnings', () => {
  it('has nothing to say about a read-only preset of a few categories', () => {
    expect(privilegeWarnings({ scopes: [{ category: 'Reports', methods: ['GET'] }] })).toEqual([]);
  });

  it('lists every write scope, sorted', () => {
    const warnings = privilegeWarnings({
      scopes: [
        { category: 'Reports', methods: ['GET'] },
        { category: 'Ads', methods: ['DELETE', 'GET', 'POST'] },
        { category: 'Actions', methods: ['PUT'] },
      ],
    });
    expect(warnings).toEqual([
      { code: 'write-scopes', scopes: ['Actions PUT', 'Ads DELETE', 'Ads POST'] },
    ]);
  });

  it('warns when every known category is granted, matching names loosely', () => {
    const scopes = REFERENCE_CATEGORIES.map((category) => ({
      category: category.toUpperCase(),
      methods: ['GET' as const],
    }));
    expect(privilegeWarnings({ scopes })).toEqual([
      { code: 'all-categories', categoryCount: REFERENCE_CATEGORIES.length },
    ]);
    expect(privilegeWarnings({ scopes: scopes.slice(1) })).toEqual([]);
  });

  it('uses the page list when given one', () => {
    const scopes = [
      { category: 'Reports', methods: ['GET' as const] },
      { category: 'Ads', methods: ['GET' as const, 'PUT' as const] },
    ];
    expect(privilegeWarnings({ scopes }, ['Reports', 'Ads'])).toEqual([
      { code: 'write-scopes', scopes: ['Ads PUT'] },
      { code: 'all-categories', categoryCount: 2 },
    ]);
    expect(privilegeWarnings({ scopes: scopes.slice(0, 1) }, [])).toEqual([]);
  });
});
