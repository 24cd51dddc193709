import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/server.mjs';
import { withSession } from './harness/session.ts';
import { BROWSER, fillForm, openApiPage, run, type TokenSpec } from './support/helper-ui.ts';

// Issue 11: the developer-emails field in every widget family the simulation builds from public
// patterns (tag input, React Select chips, a comma-separated <input type=email multiple>, an
// "Add email" button with one input per address). Each row ends in exactly the requested token
// (the backend's record) or a stop that names the field; never in a different token.
const s = withSession();

const SPEC: TokenSpec = {
  name: 'E2E Emails',
  version: '14',
  emails: ['dev.one@partner-dev.example', 'dev.two@partner-dev.example', 'ops@partner-dev.example'],
  scopes: [['Ads', 'GET']],
};

const recorded = () => s.sim.records().map((r) => ({ name: r.name, emails: r.developerEmails }));

const ROWS: { key: string; scenario: Partial<Scenario> }[] = [
  { key: 'tag input (list of tags)', scenario: { emailsWidget: 'tags' } },
  { key: 'React Select chips (combobox, no list)', scenario: { emailsWidget: 'chips' } },
  { key: 'comma-separated <input type=email multiple>', scenario: { emailsWidget: 'commaList' } },
  { key: '"Add email" button, one input per address', scenario: { emailsWidget: 'addButton' } },
  { key: 'Japanese page, chips', scenario: { emailsWidget: 'chips', lang: 'ja' } },
  { key: 'Japanese page, "Add email" rows', scenario: { emailsWidget: 'addButton', lang: 'ja' } },
  {
    key: 'Japanese page, comma list, other label',
    scenario: { emailsWidget: 'commaList', lang: 'ja', emailsLabel: 'Additional developer emails' },
  },
];

let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

describe(`developer emails widgets (${BROWSER})`, () => {
  for (const row of ROWS)
    it(`${row.key}: creates exactly the requested emails`, async () => {
      const page = await openApiPage(s, { sim: JSON.stringify(row.scenario) });
      const helper = await s.ext.openHelper(page);
      pages.push(page, helper);
      await fillForm(helper, SPEC);
      const { status } = await run(helper, 'Fill and create', { front: page });
      expect(status).toMatch(/Token created$/);
      expect(recorded()).toEqual([{ name: SPEC.name, emails: SPEC.emails }]);
    });
});
