// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_KEY, recordCreatedToken } from '../../../src/platform/audit';
import { handleMessages } from '../../../src/platform/messaging';
import { fakeBrowser } from '../fakes/browser';
import {
  captureDownloads,
  openHelper,
  openTeam,
  preset,
  resetBrowser,
  seed,
} from './team-fixtures';

const status = () => screen.getByRole('status').textContent ?? '';
const reporting = preset('r', 'Reporting', [{ category: 'Reports', methods: ['GET'] }], {
  nameTemplate: '{account}-reporting',
  version: '16',
});

let stopBackground: () => void;
beforeEach(async () => {
  resetBrowser();
  // The background's handler, as src/background/index.ts registers it.
  stopBackground = handleMessages({ tokenCreated: recordCreatedToken });
  await seed([reporting], 'r');
});
afterEach(() => {
  stopBackground();
  cleanup();
});

/** Runs the default preset from its card, then goes back to the home view's Team section. */
async function run(button: 'Fill form' | 'Fill and create', ending: RegExp) {
  fireEvent.click(await screen.findByRole('button', { name: button }));
  await waitFor(() => expect(status()).toMatch(ending));
  fireEvent.click(screen.getByRole('button', { name: 'Back' }));
  await openTeam();
}

const auditList = () => screen.queryByRole('list', { name: 'Audit log' });

describe('audit log', () => {
  it('records a created token, shows it, and exports CSV and JSON without any secret', async () => {
    openHelper();
    await openTeam();
    expect(screen.getByText('No tokens created yet.')).toBeTruthy();
    await run('Fill and create', /Token created$/);

    const list = await screen.findByRole('list', { name: 'Audit log' });
    const [item] = within(list).getAllByRole('listitem');
    expect(item?.textContent).toMatch(/^Acme Media \(1234567\)-reporting /);
    expect(item?.textContent).toMatch(/Acme Media \(1234567\) \(partner\) · Version 16/);
    expect(item?.textContent).toMatch(/Reports GET$/);

    const downloads = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    downloads.restore();
    expect(downloads.files.map((f) => f.name)).toEqual([
      'impact-token-audit-2026-11-29.csv',
      'impact-token-audit-2026-11-29.json',
    ]);
    const csv = await (downloads.files[0]?.text as Promise<string>);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe('"time","account","accountKind","name","version","mode","scopes"');
    expect(row).toMatch(
      /^"\d{4}-\d\d-\d\dT[^,]+","Acme Media \(1234567\)","partner","Acme Media \(1234567\)-reporting","16","create","Reports GET"$/,
    );
    expect(end).toBe('');
    expect(csv).not.toMatch(/secret|auth|token,|sid/i);
    const json = JSON.parse(await (downloads.files[1]?.text as Promise<string>));
    expect(json).toMatchObject({ format: 'impact-token-audit', version: 1 });
    expect(Object.keys(json.entries[0]).sort()).toEqual(
      ['account', 'accountKind', 'mode', 'name', 'scopes', 'time', 'version'].sort(),
    );
  });

  it('does not record a run that stopped for review', async () => {
    openHelper();
    await openTeam();
    await run('Fill form', /Ready for review$/);
    await new Promise((r) => setTimeout(r, 20));
    expect(fakeBrowser.storage.local.dump()[AUDIT_KEY]).toBeUndefined();
    expect(screen.getByText('No tokens created yet.')).toBeTruthy();
  });

  it('clears the log only after confirmation', async () => {
    openHelper();
    await openTeam();
    await run('Fill and create', /Token created$/);
    await waitFor(() => expect(auditList()).not.toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Clear audit log' }));
    expect(screen.getByText(/Clear all 1 entries\? This cannot be undone/)).toBeTruthy();
    // The safe answer has focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep the log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the log' }));
    expect(fakeBrowser.storage.local.dump()[AUDIT_KEY]).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Clear audit log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear log' }));
    await screen.findByText('Audit log cleared.');
    expect(fakeBrowser.storage.local.dump()[AUDIT_KEY]).toBeUndefined();
    await waitFor(() => expect(auditList()).toBeNull());
  });
});
