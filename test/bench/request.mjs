// The one request every subject fills, and which (category, method) pairs it ticks for a size,
// on the older per-method page (scopeRows=methods) and on the per-endpoint page.
// Values differ from the wizard's defaults on purpose (version 15, not the preselected 16; Ben,
// not the preselected first user), so every subject has to work every control.

export const REQUEST = {
  name: 'Bench reporting token',
  description: 'Nightly export of partner performance to the BI warehouse.',
  version: '15',
  versionOption: 'Version 15',
  primaryContact: 'ben.carter@acme-media.example',
  developerEmails: ['dev.one@partner-dev.example', 'dev.two@partner-dev.example'],
};

/** The simulation's 14 real categories in page order, with its default partialMethods. */
const REAL = [
  ['Accounts', 4],
  ['Actions', 4],
  ['Ads', 4],
  ['Catalogs', 4],
  ['Clicks', 1],
  ['Contracts', 4],
  ['Conversions', 4],
  ['Invoices', 1],
  ['Jobs', 2],
  ['Partners', 4],
  ['Programs', 4],
  ['Promo Codes', 4],
  ['Reports', 1],
  ['Tracking Links', 4],
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
const REAL_PAIRS = REAL.reduce((n, [, k]) => n + k, 0); // 45

/**
 * The first `count` pairs in page order: every method a category offers, category after
 * category, then the synthetic "Category 001"… (four methods each). Returns the scenario's
 * extraCategories (just enough) and the scopes as { category, methods }.
 */
export function scopesFor(count) {
  const extra = Math.max(0, Math.ceil((count - REAL_PAIRS) / 4));
  const catalog = [
    ...REAL.map(([category, k]) => [category, METHODS.slice(0, k)]),
    ...Array.from({ length: extra }, (_, i) => [
      `Category ${String(i + 1).padStart(3, '0')}`,
      METHODS,
    ]),
  ];
  const scopes = [];
  let left = count;
  for (const [category, methods] of catalog) {
    if (left === 0) break;
    const take = methods.slice(0, left);
    scopes.push({ category, methods: take });
    left -= take.length;
  }
  return { extraCategories: extra, scopes };
}

/**
 * The per-endpoint page: `count` endpoint grants as whole-method grants over the synthetic
 * categories (5 endpoints each: GET ×2, POST, PUT, DELETE), so every method of them is granted.
 */
export function endpointScopesFor(count) {
  if (count % 5) throw new Error('endpoint grant counts come in fives (5 per synthetic category)');
  const categories = count / 5;
  const scopes = Array.from({ length: categories }, (_, i) => ({
    category: `Category ${String(i + 1).padStart(3, '0')}`,
    methods: METHODS,
  }));
  return { extraCategories: categories, scopes };
}

export const pairsOf = (scopes) =>
  scopes.flatMap((s) => s.methods.map((m) => `${s.category} ${m}`));
