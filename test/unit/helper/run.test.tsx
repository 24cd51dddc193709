// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/helper/app';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { type FakePageOptions, installFakePage } from '../fakes/page';
import { openPreset, startNewPreset } from './views';

const TAB = 7;
const NOW = () => new Date(2026, 10, 29, 10, 0, 0);
const ACME = {
  detected: true,
  kind: 'partner',
  locale: 'en',
  account: 'Acme Media (1234567)',
} as const;

function setup(options: Partial<FakePageOptions> = {}, search = '') {
  const page = installFakePage(fakeBrowser, TAB, { info: ACME, ...options });
  render(<App search={search} now={NOW} />);
  return page;
}

/** A new preset's form, named `name`, granting Reports GET. */
async function fillBasics(name = '{account}-reporting-{date}') {
  fireEvent.input(await startNewPreset(), {
    target: { value: name },
  });
  fireEvent.click(screen.getByRole('checkbox', { name: 'Reports GET' }));
}

const status = () => screen.getByRole('status').textContent ?? '';
/** The run view's Back: where the run was started from (here, the edit view). */
const back = () => fireEvent.click(screen.getByRole('button', { name: 'Back' }));

beforeEach(() => {
  resetFakeBrowser();
  fakeBrowser.tabs.list = [{ id: TAB, active: true }];
});
afterEach(cleanup);

describe('runs and the status line', () => {
  it('sends the expanded name and ends with "Ready for review" in review mode', async () => {
    const page = setup();
    await fillBasics();
    fireEvent.input(screen.getByRole('textbox', { name: 'Primary contact' }), {
      target: { value: 'aiko@acme.example' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() => expect(status()).toMatch(/Ready for review$/));
    expect(page.requests).toEqual([
      {
        name: 'Acme Media (1234567)-reporting-2026-11-29',
        description: '',
        version: 'latest',
        primaryContact: 'aiko@acme.example',
        developerEmails: [],
        scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
        mode: 'review',
      },
    ]);
  });

  it('ends with "Token created" in create mode, after showing impact.com advice', async () => {
    const page = setup();
    await fillBasics('reporting');
    expect(screen.getByText(/limit scopes to what the integration needs; GET only/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill and create' }));
    await waitFor(() => expect(status()).toMatch(/Token created$/));
    expect(page.requests[0]).toMatchObject({ name: 'reporting', mode: 'create' });
  });

  it('reports where and why the page stopped', async () => {
    setup({
      outcome: { status: 'stopped', step: 'contact', reason: 'no account user matches "bob"' },
    });
    await fillBasics();
    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() =>
      expect(status()).toBe('Stopped: Contact information — no account user matches "bob"'),
    );
  });

  it('offers "Copy page report" under a stopped run only, and shows the report', async () => {
    setup({
      outcome: (r) =>
        r.mode === 'review'
          ? { status: 'stopped', step: 'contact', reason: 'Developer Emails (textbox) not found' }
          : { status: 'created' },
      report: 'Token helper page report\n  textbox "Dev contacts"',
    });
    await fillBasics();
    const copy = () => screen.queryByRole('button', { name: 'Copy page report' });
    fireEvent.click(screen.getByRole('button', { name: 'Fill and create' }));
    await waitFor(() => expect(status()).toMatch(/Token created$/));
    expect(copy()).toBeNull();
    back();
    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() => expect(copy()).not.toBeNull());
    fireEvent.click(copy() as HTMLElement);
    const box = await screen.findByRole('textbox', {
      name: 'Page report (no typed values, emails, names or secrets)',
    });
    expect((box as HTMLTextAreaElement).value).toContain('textbox "Dev contacts"');
  });

  it('says so when the page gives no report', async () => {
    setup({ outcome: { status: 'stopped', step: 'setup', reason: 'x (textbox) not found' } });
    await fillBasics();
    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy page report' }));
    expect(
      await screen.findByText('The page did not answer; reload it and try again.'),
    ).toBeTruthy();
  });

  it('stops before the page when a preset scope is not offered there', async () => {
    const page = setup({
      // A page with one checkbox per method, as impact.com's scopes step was first described.
      info: { ...ACME, scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }] },
    });
    await seedPreset([
      { category: 'Reports', methods: ['GET'] },
      { category: 'Jobs', methods: ['GET'] },
    ]);
    await openPreset('Jobs too');
    // The preset's Jobs GET is shown, marked, although the page does not offer it.
    const jobs = await screen.findByRole('checkbox', { name: 'Jobs GET' });
    expect(jobs).toHaveProperty('checked', true);
    expect(jobs.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/not offered on this page: Jobs GET/)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Reports POST' })).toBeNull();
    // One checkbox per method and no endpoint rows: nothing to open.
    expect(screen.queryByRole('button', { name: 'Reports' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() =>
      expect(status()).toBe('Stopped: API scopes — Jobs GET is not offered on this page'),
    );
    expect(page.requests).toEqual([]);
  });

  it('shows progress while running and Cancel stops the run', async () => {
    const page = setup({
      hang: true,
      steps: [{ kind: 'openWizard' }, { kind: 'fillText', field: 'tokenName', value: 'x' }],
    });
    await fillBasics();
    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() => expect(status()).toBe('Step 2 of 2: Fill in the token name'));
    expect(screen.queryByRole('button', { name: 'Fill form' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(status()).toMatch(/^Stopped:/);
    await waitFor(() => expect(page.cancelled).toBe(1));
    back();
    expect(screen.getByRole('button', { name: 'Fill form' })).toBeTruthy();
  });

  it('refuses an unknown placeholder in the editor and never starts a run', async () => {
    const page = setup();
    await fillBasics('{acount}-reporting');
    const name = screen.getByRole('textbox', { name: 'Token name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Unknown placeholder {acount}.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() => expect(status()).toMatch(/^Stopped:.*\{acount\}/));
    expect(page.requests).toEqual([]);
    // Saving it as a preset is refused too.
    fireEvent.click(screen.getByRole('button', { name: 'Save as preset' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findAllByText(/Unknown placeholder \{acount\}/);
    expect(
      Object.keys(fakeBrowser.storage.sync.dump()).filter((k) => k.startsWith('preset:')),
    ).toEqual([]);
  });

  it('previews the expanded token name', async () => {
    setup();
    await fillBasics();
    expect(screen.getByText('Becomes: Acme Media (1234567)-reporting-2026-11-29')).toBeTruthy();
  });

  it('warns about write scopes and every category selected', async () => {
    setup();
    await fillBasics('x');
    expect(screen.queryByText(/Write access/)).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tracking Links POST' }));
    expect(screen.getByText(/Write access: Tracking Links POST/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'GET only' }));
    expect(screen.queryByText(/Write access/)).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Reports GET' })).toHaveProperty('checked', true);
  });

  it('uses the versions the page offers, else the API reference list', async () => {
    setup({ info: { ...ACME, kind: 'brand' } });
    await startNewPreset();
    const select = await screen.findByRole('combobox', { name: 'API version' });
    const options = [...(select as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['Latest', 'Version 14', 'Version 13', 'Version 12', 'Version 11']);
  });
});

describe('finding the tab', () => {
  it('explains and links the API pages when the tab is not an impact.com API page', async () => {
    render(<App search="" now={NOW} />);
    expect(
      await screen.findByText('This tab is not an impact.com API settings page.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Partner API page' }).getAttribute('href')).toBe(
      'https://app.impact.com/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml',
    );
    expect(screen.getByRole('link', { name: 'Brand API page' }).getAttribute('href')).toContain(
      '/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml',
    );
    expect(screen.getByRole('button', { name: 'Save page selection as preset' })).toHaveProperty(
      'disabled',
      true,
    );
    await startNewPreset();
    expect(screen.getByRole('button', { name: 'Fill form' })).toHaveProperty('disabled', true);
  });

  it('never works on a tab its address names: a page can open the helper with any address', async () => {
    fakeBrowser.tabs.list = [{ id: 99, active: true }];
    installFakePage(fakeBrowser, 42, { info: ACME });
    render(<App search="?tabId=42" now={NOW} />);
    expect(
      await screen.findByText('This tab is not an impact.com API settings page.'),
    ).toBeTruthy();
    expect(screen.queryByText(/Acme Media/)).toBeNull();
  });

  it('asks the background which tab the in-page panel is in', async () => {
    fakeBrowser.tabs.list = [];
    const page = installFakePage(fakeBrowser, 5, { info: ACME });
    fakeBrowser.runtime.currentSender = { tab: { id: 5 } };
    await import('../../../src/background/index');
    render(<App search="?embedded=1" now={NOW} />);
    expect(await screen.findByText('Partner account: Acme Media (1234567)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close panel' }));
    await waitFor(() => expect(page.panelClosed).toBe(1));
  });
});

async function seedPreset(scopes: { category: string; methods: string[] }[]) {
  await fakeBrowser.storage.sync.set({
    meta: {
      formatVersion: 2,
      order: ['p'],
      defaultPresetId: 'p',
      settings: { openAutomatically: true },
    },
    'preset:p': {
      id: 'p',
      name: 'Jobs too',
      nameTemplate: 'jobs',
      description: '',
      version: 'latest',
      primaryContact: '',
      developerEmails: [],
      scopes,
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  });
  cleanup();
  render(<App search="" now={NOW} />);
}
