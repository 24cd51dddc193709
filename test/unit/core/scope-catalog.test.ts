import { describe, expect, it } from 'vitest';
import { scopeDrift } from '../../../src/core/scope-catalog';

const offered = [
  { category: 'Reports', methods: ['GET' as const] },
  { category: 'Promo  Codes', methods: ['GET' as const, 'POST' as const] },
];

describe('scopeDrift', () => {
  it('is empty when the page offers everything the preset wants', () => {
    expect(scopeDrift([{ category: 'reports', methods: ['GET'] }], offered)).toEqual([]);
  });

  it('names each pair the page lacks, in the preset order', () => {
    expect(
      scopeDrift(
        [
          { category: 'Reports', methods: ['POST', 'GET'] },
          { category: 'Jobs', methods: ['GET', 'DELETE'] },
          { category: 'Promo Codes', methods: ['PUT', 'POST'] },
        ],
        offered,
      ),
    ).toEqual([
      { category: 'Reports', method: 'POST' },
      { category: 'Jobs', method: 'GET' },
      { category: 'Jobs', method: 'DELETE' },
      { category: 'Promo Codes', method: 'PUT' },
    ]);
  });

  it('reports a repeated pair once and treats an empty catalog as offering nothing', () => {
    expect(
      scopeDrift(
        [
          { category: 'Ads', methods: ['GET'] },
          { category: 'ADS', methods: ['GET'] },
        ],
        [],
      ),
    ).toEqual([{ category: 'Ads', method: 'GET' }]);
  });
});
