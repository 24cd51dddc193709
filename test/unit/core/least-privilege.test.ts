import { describe, expect, it } from 'vitest';
import { privilegeWarnings } from '../../../src/core/least-privilege';
import { publicCatalog } from '../../../src/core/public-catalog';
import { methodScope } from '../../../src/core/scopes';

const CATEGORIES = publicCatalog('partner').map((c) => c.category);
const ACTIONS = '/Mediapartners/{AccountSID}/Actions';

describe('privilegeWarnings', () => {
  it('has nothing to say about a read-only preset of a few categories', () => {
    expect(privilegeWarnings({ scopes: [methodScope('Reports', ['GET'])] }, CATEGORIES)).toEqual(
      [],
    );
    expect(
      privilegeWarnings(
        {
          scopes: [
            { category: 'Actions', methods: [], endpoints: [{ method: 'GET', path: ACTIONS }] },
          ],
        },
        CATEGORIES,
      ),
    ).toEqual([]);
  });

  it('lists every write grant: whole methods first, then pinned write endpoints', () => {
    const warnings = privilegeWarnings(
      {
        scopes: [
          methodScope('Reports', ['GET']),
          {
            category: 'Ads',
            methods: ['GET', 'POST', 'DELETE'],
            endpoints: [{ method: 'PUT', path: '/Mediapartners/{AccountSID}/Ads/{AdId}' }],
          },
          { category: 'Actions', methods: [], endpoints: [{ method: 'GET', path: ACTIONS }] },
        ],
      },
      CATEGORIES,
    );
    expect(warnings).toEqual([
      {
        code: 'write-scopes',
        grants: [
          { category: 'Ads', method: 'POST' },
          { category: 'Ads', method: 'DELETE' },
          { category: 'Ads', method: 'PUT', path: '/Mediapartners/{AccountSID}/Ads/{AdId}' },
        ],
      },
    ]);
  });

  it('warns when every known category is granted, matching names loosely', () => {
    const scopes = CATEGORIES.map((category) => methodScope(category.toUpperCase(), ['GET']));
    expect(privilegeWarnings({ scopes }, CATEGORIES)).toEqual([
      { code: 'all-categories', categoryCount: CATEGORIES.length },
    ]);
    expect(privilegeWarnings({ scopes: scopes.slice(1) }, CATEGORIES)).toEqual([]);
  });

  it('uses the page list when given one, and an empty list knows no categories', () => {
    const scopes = [methodScope('Reports', ['GET']), methodScope('Ads', ['GET', 'PUT'])];
    expect(privilegeWarnings({ scopes }, ['Reports', 'Ads'])).toEqual([
      { code: 'write-scopes', grants: [{ category: 'Ads', method: 'PUT' }] },
      { code: 'all-categories', categoryCount: 2 },
    ]);
    expect(privilegeWarnings({ scopes: scopes.slice(0, 1) }, [])).toEqual([]);
  });
});
