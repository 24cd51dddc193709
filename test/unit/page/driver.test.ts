// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mountWizardPage, unmountAll } from './fixture';
import { request, run } from './helpers';

afterEach(unmountAll);

describe('runPlan on the fixture wizard', () => {
  it('fills every step and stops at Create for review', async () => {
    const page = mountWizardPage();
    const outcome = await run(
      request({
        version: '15',
        primaryContact: 'ben@acme.example',
        developerEmails: ['dev@acme.example', 'ops@acme.example'],
        scopes: [
          { category: 'Jobs', methods: ['GET', 'POST'] },
          { category: 'Reports', methods: ['GET'] },
        ],
      }),
    );
    expect(outcome).toEqual({ status: 'ready-for-review' });
    expect(page.state.step).toBe(3);
    expect(page.created).toEqual([]);
    expect(page.state).toMatchObject({
      tokenName: 'Nightly sync',
      description: 'Reads reports for the warehouse',
      version: 15,
      contact: 'ben@acme.example',
      emails: ['dev@acme.example', 'ops@acme.example'],
      scopes: { Jobs: ['GET', 'POST'], Reports: ['GET'] },
    });
  });
});
