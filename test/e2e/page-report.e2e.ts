import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../sim/server.mjs';
import { byRole, withSession } from './harness/session.ts';
import {
  BROWSER,
  fillForm,
  openApiPage,
  run,
  successDialogCodes,
  type TokenSpec,
} from './support/helper-ui.ts';

// Issue 11: when a run stops, "Copy page report" gives a maintainer the page's shape (roles,
// names, labels, counts, the failed locator) with every typed value, every email, the account's
// people and the success dialog left out. The report is read from the helper's box, as a person
// would before pasting it.
const s = withSession();

const SPEC: TokenSpec = {
  name: 'Quarterly Zephyr Export',
  description: 'Moves partner payouts to the finance lake every night.',
  version: '14',
  contact: 'Ben Carter',
  emails: ['dev.hidden@partner-dev.example', 'ops.hidden@partner-dev.example'],
  scopes: [['Ads', 'GET']],
};

/** Every value that must never be in a report: typed, emails, the account's people. */
const PRIVATE = [
  SPEC.name,
  SPEC.description as string,
  'Aiko Tanaka',
  'Ben Carter',
  'Chloé Dubois',
  'Diego Ramos',
];

let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

async function stoppedRun(scenario: Partial<Scenario>) {
  const page = await openApiPage(s, { sim: JSON.stringify(scenario) });
  const helper = await s.ext.openHelper(page);
  pages.push(page, helper);
  await fillForm(helper, SPEC);
  const { status } = await run(helper, 'Fill and create', { front: page });
  await helper.bringToFront();
  const copy = await helper.waitForSelector(byRole('button', 'Copy page report'), {
    timeout: 10_000,
  });
  await copy?.click();
  const box = await helper.waitForSelector(
    byRole('textbox', 'Page report (no typed values, emails, names or secrets)'),
    { timeout: 10_000 },
  );
  const report = String(await box?.evaluate((el) => (el as HTMLTextAreaElement).value));
  return { page, status, report };
}

const leaks = (report: string) => PRIVATE.filter((value) => report.includes(value));

describe(`page report (${BROWSER})`, () => {
  it('a stop at a renamed emails field: names the locator, shows the label, leaks nothing', async () => {
    const { status, report } = await stoppedRun({
      renameLabel: { key: 'developerEmails', to: 'Dev contacts' },
    });
    expect(status).toBe('Stopped: Contact information — Developer Emails (textbox) not found');
    expect(report).toContain('Stopped: Contact information — Developer Emails (textbox) not found');
    expect(report).toContain('Step indicator: "Contact Information"');
    expect(report).toContain('"Dev contacts"');
    expect(report).toMatch(/textbox "Dev contacts"/);
    expect(report).toMatch(/button "Next"/);
    expect(report).not.toContain('@');
    expect(leaks(report)).toEqual([]);
    expect(s.sim.records()).toEqual([]);
  });

  it('after a page put the Auth Token into an alert and a toast: no secret in the report', async () => {
    const { page, status, report } = await stoppedRun({ secretNotice: true });
    expect(status).toBe('Stopped: Create — the page showed a message after Create');
    const codes = await successDialogCodes(page);
    const [record] = s.sim.records();
    const secret = codes.find((text) => text !== record?.accountSid && text.length >= 16);
    expect(secret).toBeTruthy();
    expect(report).not.toContain(secret);
    expect(report).not.toContain(record?.accountSid);
    expect(report).not.toContain('@');
    expect(leaks(report)).toEqual([]);
  });
});
