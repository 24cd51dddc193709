// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { captureSelection } from '../../../src/page/capture';
import { readPageInfo } from '../../../src/page/page-info';
import { mountWizardPage, USERS, unmountAll } from './fixture';
import { request, run } from './helpers';

afterEach(unmountAll);

const signal = () => new AbortController().signal;

describe('readPageInfo', () => {
  it('reads locale and account; versions and scopes once the wizard showed them', async () => {
    mountWizardPage({ lang: 'ja', versions: [16, 15, 14] });
    const before = readPageInfo();
    expect(before).toMatchObject({
      detected: false,
      locale: 'ja',
      account: 'Acme Media (1234567)',
    });

    await run(request({ scopes: [{ category: 'Jobs', methods: ['GET'] }] }));
    const after = readPageInfo();
    expect(after.versions).toEqual(['16', '15', '14']);
    // Jobs was switched on, so its methods are known; the others only by name (unseen).
    expect(after.scopes).toEqual(
      expect.arrayContaining([
        { category: 'Jobs', methods: ['GET', 'POST'], endpoints: [] },
        { category: 'Reports', methods: [], endpoints: [], unseen: true },
      ]),
    );
  });
});

describe('readPageInfo contacts', () => {
  it("offers the Primary Contact list's people once a run has shown the whole list", async () => {
    mountWizardPage({});
    await run(request({ primaryContact: 'sato@acme.example' }));
    expect(readPageInfo().contacts).toEqual(USERS);
  });

  it('reads them from a native select as well', async () => {
    mountWizardPage({ nativeSelects: true });
    await run(request({ primaryContact: 'ben@acme.example' }));
    expect(readPageInfo().contacts).toEqual(USERS);
  });
});

describe('captureSelection', () => {
  it('reads every step of the open wizard and returns to where the person was', async () => {
    const page = mountWizardPage({ open: true });
    Object.assign(page.state, {
      step: 2,
      tokenName: 'Partner feed',
      description: 'Reads clicks',
      version: 15,
      contact: 'ben@acme.example',
      emails: ['dev@acme.example'],
      scopes: { Jobs: ['GET', 'POST'], Reports: ['GET'], Ads: [] },
    });
    page.render();
    expect(await captureSelection(signal())).toEqual({
      name: 'Partner feed',
      description: 'Reads clicks',
      version: '15',
      primaryContact: 'ben@acme.example',
      developerEmails: ['dev@acme.example'],
      // As ticked, per switched-on category; what it offers turns "all ticked" into grants later.
      ticked: [
        { category: 'Jobs', methods: ['GET', 'POST'], endpoints: [] },
        { category: 'Reports', methods: ['GET'], endpoints: [] },
      ],
      offered: [
        { category: 'Ads', methods: ['GET', 'POST', 'PUT', 'DELETE'], endpoints: [] },
        { category: 'Jobs', methods: ['GET', 'POST'], endpoints: [] },
        { category: 'Reports', methods: ['GET'], endpoints: [] },
      ],
    });
    expect(page.state.step).toBe(2);
  });

  it('asks for the scope step when the wizard is elsewhere or closed', async () => {
    mountWizardPage({ open: true });
    expect(await captureSelection(signal())).toEqual({
      error: 'open the wizard on its API scopes step first',
    });
    unmountAll();
    mountWizardPage();
    expect(await captureSelection(signal())).toHaveProperty('error');
  });
});
