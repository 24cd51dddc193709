// @ts-check
/**
 * The simulated accounts: who they are, which API versions they are offered (public API
 * reference: partner 11–16, brand 11–14), their users and the tokens they already have.
 */

/** @typedef {import('./scenario').AccountKind} AccountKind */
/** @typedef {import('./wire').AccountInfo} AccountInfo */
/** @typedef {import('./wire').AccountUser} AccountUser */
/** @typedef {import('./wire').TokenRow} TokenRow */

/** @type {Record<AccountKind, AccountUser[]>} */
export const USERS = {
  partner: [
    { name: 'Aiko Tanaka', email: 'aiko.tanaka@acme-media.example' },
    { name: 'Ben Carter', email: 'ben.carter@acme-media.example' },
    { name: 'Chloé Dubois', email: 'chloe.dubois@acme-media.example' },
    { name: 'Diego Ramos', email: 'diego.ramos@acme-media.example' },
  ],
  brand: [
    { name: 'Grace Kim', email: 'grace.kim@globex.example' },
    { name: 'Hiro Sato', email: 'hiro.sato@globex.example' },
    { name: 'Isabel Novak', email: 'isabel.novak@globex.example' },
    { name: 'Jonas Berg', email: 'jonas.berg@globex.example' },
  ],
};

/** @type {Record<AccountKind, AccountInfo>} */
export const ACCOUNTS = {
  partner: {
    kind: 'partner',
    name: 'Acme Media',
    id: '1234567',
    versions: [16, 15, 14, 13, 12, 11],
    user: USERS.partner[0] ?? { name: '', email: '' },
  },
  brand: {
    kind: 'brand',
    name: 'Globex Outfitters',
    id: '7654321',
    versions: [14, 13, 12, 11],
    user: USERS.brand[0] ?? { name: '', email: '' },
  },
};

/** @type {Record<AccountKind, TokenRow[]>} */
export const SEED_TOKENS = {
  partner: [
    {
      name: 'Existing Reporting Token',
      description: 'Nightly performance export to the BI warehouse.',
      version: 15,
      state: 'active',
      createdAt: '2025-11-03T09:12:00Z',
    },
    {
      name: 'Catalog Sync',
      description: 'Pulls brand catalogs into the product feed.',
      version: 16,
      state: 'active',
      createdAt: '2026-06-12T14:40:00Z',
    },
    {
      name: 'Legacy Postback Integration',
      description: '',
      version: 12,
      state: 'disabled',
      createdAt: '2023-02-20T08:05:00Z',
    },
  ],
  brand: [
    {
      name: 'Existing Reporting Token',
      description: 'Weekly partner performance report.',
      version: 14,
      state: 'active',
      createdAt: '2025-09-18T10:00:00Z',
    },
    {
      name: 'Order Import',
      description: 'Sends offline orders as conversions.',
      version: 13,
      state: 'active',
      createdAt: '2024-12-01T16:30:00Z',
    },
  ],
};
