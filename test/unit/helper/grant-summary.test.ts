import '../fakes/install';
import { describe, expect, it } from 'vitest';
import { grantSummary } from '../../../src/helper/grant-summary';

const scope = (category: string, methods: ('GET' | 'POST')[], endpoints = 0) => ({
  category,
  methods,
  endpoints: Array.from({ length: endpoints }, (_, i) => ({
    method: 'GET' as const,
    path: `/Reports/${i}`,
  })),
});

describe('a preset card says what it grants', () => {
  it('in words, per category: method grants and pinned endpoints', () => {
    expect(grantSummary([scope('Reports', ['GET']), scope('Actions', [], 2)])).toBe(
      'Reports: all GET · Actions: 2 endpoint(s)',
    );
    expect(grantSummary([scope('Ads', ['GET', 'POST'], 1)])).toBe(
      'Ads: all GET, all POST, 1 endpoint(s)',
    );
    expect(grantSummary([])).toBe('No API scopes yet');
  });

  it('names four categories, then how many more', () => {
    const six = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => scope(c, ['GET']));
    expect(grantSummary(six)).toBe('A: all GET · B: all GET · C: all GET · D: all GET · + 2 more');
  });
});
