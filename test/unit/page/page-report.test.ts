// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pageReport, rememberRun } from '../../../src/page/page-report';
import { mountWizardPage, USERS, unmountAll } from './fixture';
import { request, run } from './helpers';

afterEach(unmountAll);

/** What the person typed: every value must stay out of the report. */
const typed = request({
  name: 'Zephyr nightly export',
  description: 'Moves partner numbers to the lake',
  primaryContact: 'ben@acme.example',
  developerEmails: ['dev.secret@acme.example', 'ops.private@acme.example'],
  mode: 'create',
});

const leaks = (report: string) =>
  [
    typed.name,
    typed.description,
    ...typed.developerEmails,
    ...USERS.flatMap((u) => [u.name, u.email]),
    'tok_SECRET_VALUE',
    'IRsid-secret',
  ].filter((value) => report.includes(value));

describe('page report of a stopped run', () => {
  it('outlines the step and the failed locator, without typed values, emails or people', async () => {
    mountWizardPage({ emailsLabel: 'Dev contacts' });
    const outcome = await run(typed);
    expect(outcome).toMatchObject({ status: 'stopped', step: 'contact' });
    rememberRun(typed, outcome);
    const report = pageReport();
    expect(report).toContain('Stopped: Contact information — Developer Emails (textbox) not found');
    expect(report).toContain('Step indicator: "Contact Information"');
    expect(report).toContain('"Dev contacts"');
    expect(report).toMatch(/button "Next"/);
    expect(report).toMatch(/button "Primary Contact ‹value›"/);
    expect(leaks(report)).toEqual([]);
  });

  it('quotes a page refusal with the typed value left out', async () => {
    mountWizardPage({ takenNames: [typed.name] });
    const outcome = await run(typed);
    rememberRun(typed, { status: 'stopped', step: 'setup', reason: `'${typed.name}' is taken` });
    expect(outcome.status).toBe('stopped');
    const report = pageReport();
    expect(report).toContain("Stopped: Setup — '‹typed›' is taken");
    // The page's alert is counted, never quoted.
    expect(report).toMatch(/^ {2}alert$/m);
    expect(leaks(report)).toEqual([]);
  });

  it('leaves out the success dialog and an alert holding the secret after Create', async () => {
    mountWizardPage({ secretNotice: true });
    const outcome = await run({ ...typed, developerEmails: [], primaryContact: '' });
    rememberRun(typed, outcome);
    await new Promise((r) => setTimeout(r, 50));
    const report = pageReport();
    expect(report).toContain('Stopped: Create — the page showed a message after Create');
    expect(report).toContain('Success dialog shown (left out)');
    expect(leaks(report)).toEqual([]);
  });
});
