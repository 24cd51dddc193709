import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/server.mjs';
import { withSession } from './harness/session.ts';
import { BROWSER, fillForm, openApiPage, run, type TokenSpec } from './support/helper-ui.ts';

// Issue 11: the widget families impact.com's page may be built from. Each simulation variant is
// written from a public pattern (WAI-ARIA APG, MUI, Ant Design, React Select, Headless UI, Radix;
// see test/sim/scenario.ts), not from what the driver does. Every row runs "Fill and create" from
// the helper and passes with exactly the requested token in the backend's record, or with a stop
// that names the problem and nothing created. A wrong token always fails.
const s = withSession();

const BEN = 'ben.carter@acme-media.example';
const CHLOE = 'chloe.dubois@acme-media.example';

interface Row {
  key: string;
  scenario: Partial<Scenario>;
  /** The requested contact (email or whole name), and the user that must be recorded. */
  contact?: string;
  recorded?: string;
  /** Omitted: the token is created exactly. A RegExp: the run stops, its reason matching. */
  stop?: RegExp;
}

const ROWS: Row[] = [
  // Drop-downs (API Version and Primary Contact are both built this way).
  { key: 'drop-down: button + portalled listbox (default)', scenario: {} },
  { key: 'drop-down: button + listbox in place', scenario: { dropdown: 'listbox-inline' } },
  { key: 'drop-down: native select', scenario: { dropdown: 'native' } },
  { key: 'drop-down: select-only combobox', scenario: { dropdown: 'select-only' } },
  { key: 'drop-down: editable combobox', scenario: { dropdown: 'editable' } },
  {
    key: 'drop-down: editable combobox, contact by name',
    scenario: { dropdown: 'editable' },
    contact: 'Chloé Dubois',
    recorded: CHLOE,
  },
  {
    key: 'drop-down: editable combobox, Japanese page',
    scenario: { dropdown: 'editable', lang: 'ja' },
  },
  {
    key: 'drop-down: select-only combobox, slowed 5×',
    scenario: { dropdown: 'select-only', slowdown: 5 },
  },
  {
    key: 'drop-down: editable combobox, slowed 5×',
    scenario: { dropdown: 'editable', slowdown: 5 },
  },
  {
    key: 'drop-down: editable combobox, a part of an email is not a contact',
    scenario: { dropdown: 'editable' },
    contact: 'carter@acme-media.example',
    stop: /^Stopped: Contact information — Primary Contact 'carter@acme-media\.example' is not offered/,
  },
  // Labels.
  { key: 'labels: wrapping <label>', scenario: { labelStyle: 'wrapping' } },
  { key: 'labels: aria-labelledby', scenario: { labelStyle: 'labelledby' } },
  { key: 'labels: aria-label', scenario: { labelStyle: 'aria-label' } },
  { key: 'labels: "(optional)"', scenario: { labelDecoration: 'optional' } },
  {
    key: 'labels: "（任意）" (Japanese page)',
    scenario: { labelDecoration: 'optional', lang: 'ja' },
  },
  { key: 'labels: required "*"', scenario: { labelDecoration: 'required' } },
  { key: 'labels: trailing colon', scenario: { labelDecoration: 'colon' } },
  { key: 'labels: hint inside the label', scenario: { labelDecoration: 'hint' } },
  {
    key: 'labels: hint inside a wrapping label',
    scenario: { labelDecoration: 'hint', labelStyle: 'wrapping' },
  },
  {
    key: 'labels: a different word is not a decoration',
    scenario: { renameLabel: { key: 'description', to: 'Description details' } },
    stop: /^Stopped: Setup — Description \(textbox\) not found/,
  },
  // Steps and buttons.
  { key: 'steps: tabs (role=tab + aria-selected)', scenario: { stepMarker: 'tabs' } },
  { key: 'steps: only the step heading', scenario: { stepMarker: 'heading' } },
  { key: 'buttons: "Create access token"', scenario: { buttonNames: 'case' } },
  { key: 'buttons: with icons', scenario: { buttonNames: 'icon' } },
  { key: 'buttons: "Next step"', scenario: { buttonNames: 'next-step' } },
  {
    key: 'everything at once',
    scenario: {
      dropdown: 'editable',
      labelStyle: 'labelledby',
      labelDecoration: 'colon',
      stepMarker: 'heading',
      buttonNames: 'icon',
    },
  },
];

const spec = (row: Row, index: number): TokenSpec => ({
  name: `Widget variant ${BROWSER} ${index + 1}`,
  description: 'Nightly export of partner reports.',
  version: '14',
  contact: row.contact ?? BEN,
  emails: ['dev.one@partner-dev.example'],
  scopes: [
    ['Ads', 'GET'],
    ['Reports', 'GET'],
  ],
});

const expected = (row: Row, t: TokenSpec) => ({
  account: 'partner',
  name: t.name,
  description: t.description,
  version: 14,
  primaryContact: row.recorded ?? BEN,
  developerEmails: t.emails,
  scopes: [
    { category: 'Ads', methods: ['GET'] },
    { category: 'Reports', methods: ['GET'] },
  ],
});

const recorded = () =>
  s.sim.records().map(({ accountSid: _sid, createdAt: _at, grants: _grants, ...rest }) => rest);

const outcomes: string[] = [];
let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});
afterAll(() => console.log(`\nWidget variants (${BROWSER}):\n${outcomes.join('\n')}`));

describe(`widget variants (${BROWSER})`, () => {
  ROWS.forEach((row, index) => {
    it(`${row.key}: ${row.stop ? 'stops, naming the problem' : 'creates exactly the request'}`, async () => {
      s.sim.setScenario(row.scenario);
      const page = await openApiPage(s);
      const helper = await s.ext.openHelper(page);
      pages.push(page, helper);
      const t = spec(row, index);
      await fillForm(helper, t);
      const { status, ms } = await run(helper, 'Fill and create', { front: page });
      outcomes.push(`${row.key} | ${status} | ${Math.round(ms)} ms`);
      if (row.stop) {
        expect(status).toMatch(row.stop);
        expect(recorded()).toEqual([]);
      } else {
        expect(status).toMatch(/Token created$/);
        expect(recorded()).toEqual([expected(row, t)]);
      }
    }, 90_000);
  });
});
