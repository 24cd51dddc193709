// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportPack } from '../../../src/core/pack';
import type { CapturedSelection } from '../../../src/core/protocol';
import { publicCatalog } from '../../../src/core/public-catalog';
import { methodScope, type OfferedCategory, type ScopeCatalog } from '../../../src/core/scopes';
import { catalogKey } from '../../../src/platform/catalog';
import { fakeBrowser } from '../fakes/browser';
import {
  ACME,
  openHelper,
  openTeam,
  preset,
  resetBrowser,
  seed,
  storageSnapshot,
  storedPresets,
} from './team-fixtures';
import { goHome, homeShown, openPreset } from './views';

afterEach(cleanup);

const presetSelect = homeShown;
const selectPreset = openPreset;
/** The marks at the top of the edit view of the preset. */
const notesFor = (name: string) => screen.queryByRole('note', { name: `About “${name}”` });
/** The row of a preset in the Team section's export list. */
const exportRow = (name: string) =>
  within(screen.getByRole('group', { name: 'Choose presets to export' }))
    .getByRole('checkbox', { name })
    .closest('li') as HTMLElement;

describe('organization presets', () => {
  beforeEach(async () => {
    resetBrowser();
    await fakeBrowser.storage.managed.set({
      presetPack: exportPack([
        preset('org1', 'Org reporting', [{ category: 'Reports', methods: ['GET'] }], {
          description: 'Approved by IT',
        }),
      ]),
    });
  });

  it('are read-only, and Duplicate makes an editable copy', async () => {
    openHelper();
    // Listed in the Team section as the organization's, not among one's own to export.
    await presetSelect();
    await openTeam();
    const orgLists = screen.getAllByRole('list', { name: 'From your organization' });
    expect(orgLists.filter((l) => within(l).queryByText('Org reporting'))).toHaveLength(2);
    expect(screen.queryByRole('group', { name: 'Choose presets to export' })).toBeNull();

    await selectPreset('Org reporting');
    expect(await screen.findByText(/comes from your organization and is read-only/)).toBeTruthy();
    for (const name of ['Delete', 'Rename', 'Make default'])
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(storedPresets()).toHaveLength(1));
    const [copy] = storedPresets();
    expect(copy).toMatchObject({
      name: 'Org reporting (copy)',
      description: 'Approved by IT',
      scopes: [{ category: 'Reports', methods: ['GET'] }],
    });
    expect(copy?.id).not.toBe('org1');
    expect(copy).not.toHaveProperty('managed');
    // The edit view now shows the copy, the person's own.
    expect(
      await screen.findByRole('heading', { name: 'Preset “Org reporting (copy)”' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveProperty('disabled', false);
    // The organization's own preset is still there, unchanged.
    await goHome();
    expect(screen.getByRole('article', { name: 'Org reporting' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Org reporting (copy)' })).toBeTruthy();
  });
});

const P = '/Mediapartners/{AccountSID}';
/** Partner Catalogs as the public catalog lists it: five GET endpoints. */
const CATALOGS = publicCatalog('partner').find((c) => c.category === 'Catalogs') as OfferedCategory;

describe('save page selection as preset', () => {
  const captured: CapturedSelection = {
    name: 'acme-catalog-sync',
    description: 'Catalog feed',
    version: '15',
    primaryContact: 'aiko@acme.example',
    developerEmails: ['dev@acme.example'],
    // Every Catalogs GET row ticked; one Reports row, shown by its summary only.
    ticked: [
      CATALOGS,
      {
        category: 'Reports',
        methods: ['GET'],
        endpoints: [{ method: 'GET', summary: 'List all available reports' }],
      },
    ],
    offered: [
      CATALOGS,
      {
        category: 'Reports',
        methods: ['GET'],
        endpoints: [
          { method: 'GET', summary: 'List all available reports' },
          { method: 'GET', summary: 'Run a report (Legacy)' },
        ],
      },
    ],
  };

  it('creates a preset from the wizard and opens it for editing', async () => {
    resetBrowser({ capture: captured });
    await seed([preset('a', 'acme-catalog-sync')]);
    openHelper();
    await presetSelect();
    fireEvent.click(screen.getByRole('button', { name: 'Save page selection as preset' }));
    await screen.findByText(
      'Saved “acme-catalog-sync (2)” from the page. It is open here for editing.',
    );
    const [, created] = storedPresets();
    expect(created).toMatchObject({
      name: 'acme-catalog-sync (2)',
      nameTemplate: 'acme-catalog-sync',
      description: 'Catalog feed',
      version: '15',
      primaryContact: 'aiko@acme.example',
      developerEmails: ['dev@acme.example'],
      // Every GET row ticked is the method grant; the summary is named by the public catalog.
      scopes: [
        { category: 'Catalogs', methods: ['GET'], endpoints: [] },
        { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: `${P}/Reports` }] },
      ],
    });
    expect(
      await screen.findByRole('heading', { name: 'Preset “acme-catalog-sync (2)”' }),
    ).toBeTruthy();
    const tokenName = screen.getByRole('textbox', { name: 'Token name' });
    expect(tokenName).toHaveProperty('value', 'acme-catalog-sync');
    // The edit view starts at the token name, once it has rendered.
    await waitFor(() => expect(document.activeElement).toBe(tokenName));
    expect(screen.getByRole('checkbox', { name: 'Catalogs GET' })).toHaveProperty('checked', true);
    expect(
      screen.getByRole('checkbox', { name: `Reports GET ${P}/Reports List all available reports` }),
    ).toHaveProperty('checked', true);
  });

  it('says why when the wizard cannot be captured, and stores nothing', async () => {
    resetBrowser();
    await seed([preset('a', 'Alpha')]);
    openHelper();
    await presetSelect();
    const before = storageSnapshot();
    fireEvent.click(screen.getByRole('button', { name: 'Save page selection as preset' }));
    await screen.findByText(
      'Could not read the wizard: open the wizard on its API scopes step first',
    );
    cleanup();
    resetBrowser({ capture: { ...captured, name: '  ' } });
    await seed([preset('a', 'Alpha')]);
    openHelper();
    await presetSelect();
    fireEvent.click(screen.getByRole('button', { name: 'Save page selection as preset' }));
    await screen.findByText(/The wizard has no token name yet/);
    // A ticked row with no path that the API reference does not name either.
    cleanup();
    const unnamed = { method: 'GET' as const, summary: 'Some new report' };
    resetBrowser({
      capture: {
        ...captured,
        ticked: [{ category: 'Reports', methods: ['GET'], endpoints: [unnamed] }],
        offered: [{ category: 'Reports', methods: ['GET'], endpoints: [unnamed] }],
      },
    });
    await seed([preset('a', 'Alpha')]);
    openHelper();
    await presetSelect();
    fireEvent.click(screen.getByRole('button', { name: 'Save page selection as preset' }));
    await screen.findByText(
      'The page shows these ticked endpoints without a path, and the API reference does not name them: Reports GET Some new report.',
    );
    expect(storageSnapshot()).toBe(before);
  });
});

describe('least-privilege and drift marks', () => {
  const everything = publicCatalog('partner').map((c) => methodScope(c.category, ['GET']));

  it('marks write scopes and every-category presets in the list and under the drop-down', async () => {
    resetBrowser();
    await seed([
      preset('w', 'Writer', [
        { category: 'Ads', methods: ['GET', 'POST', 'DELETE'] },
        { category: 'Jobs', methods: [], endpoints: [{ method: 'PUT', path: `${P}/Jobs/{Id}` }] },
      ]),
      preset('all', 'Everything', everything),
      preset('ok', 'Reader'),
    ]);
    openHelper();
    await openTeam();
    const writes = `⚠ Write access: Ads POST, Ads DELETE, Jobs PUT ${P}/Jobs/{Id}`;
    expect(exportRow('Writer').textContent).toContain(writes);
    expect(exportRow('Everything').textContent).toContain('⚠ Every category is selected');
    expect(exportRow('Reader').textContent).not.toContain('⚠');

    await selectPreset('Writer');
    expect(notesFor('Writer')?.textContent).toBe(writes);
    await selectPreset('Reader');
    expect(notesFor('Reader')).toBeNull();
    // The advice is on screen before Fill and create.
    expect(screen.getByText(/limit scopes to what the integration needs; GET only/)).toBeTruthy();
  });

  const reports = (paths: string[]): OfferedCategory => ({
    category: 'Reports',
    methods: ['GET'],
    endpoints: paths.map((path) => ({ method: 'GET', path: `${P}${path}` })),
  });
  const offered: ScopeCatalog = [
    reports(['/Reports', '/Reports/{Id}']),
    { category: 'Ads', methods: ['GET'], endpoints: [{ method: 'GET', path: `${P}/Ads` }] },
  ];
  const V16 = { ...ACME, versions: ['16', '15'] };
  const seenBefore = (catalog: ScopeCatalog) =>
    fakeBrowser.storage.local.set({
      [catalogKey('partner', '16')]: { catalog, seenAt: '2026-11-28T10:00:00.000Z' },
    });

  it('keeps what the page offers per account kind and version, and marks what it lacks', async () => {
    resetBrowser({ info: { ...V16, scopes: offered } });
    await seed([
      preset('ads', 'Ads writer', [{ category: 'Ads', methods: ['GET', 'PUT'] }]),
      preset('jobs', 'Jobs', [{ category: 'Jobs', methods: ['GET'] }]),
      preset('rep', 'Reports', [{ category: 'Reports', methods: ['GET'] }]),
      preset('pin', 'Pinned', [
        { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: `${P}/Gone` }] },
      ]),
    ]);
    openHelper();
    await openTeam();
    await waitFor(() =>
      expect(fakeBrowser.storage.local.dump()[catalogKey('partner', '16')]).toMatchObject({
        catalog: offered,
      }),
    );
    expect(exportRow('Ads writer').textContent).toContain(
      '⚠ No longer offered on partner (API v16) pages: Ads PUT',
    );
    expect(exportRow('Jobs').textContent).toContain(
      'No longer offered on partner (API v16) pages: Jobs GET',
    );
    expect(exportRow('Pinned').textContent).toContain(
      `No longer offered on partner (API v16) pages: Reports GET ${P}/Gone`,
    );
    expect(exportRow('Reports').textContent).not.toContain('No longer offered');

    // Later, on a page whose scope step has not been seen: the kept catalog still tells.
    cleanup();
    resetBrowser({ info: V16 });
    await seenBefore(offered);
    await seed([preset('jobs', 'Jobs', [{ category: 'Jobs', methods: ['GET'] }])]);
    openHelper();
    await selectPreset('Jobs');
    await waitFor(() =>
      expect(notesFor('Jobs')?.textContent).toBe(
        '⚠ No longer offered on partner (API v16) pages: Jobs GET',
      ),
    );
    // A brand page has its own catalog: nothing known there yet, so nothing is marked.
    cleanup();
    resetBrowser({ info: { ...ACME, kind: 'brand' } });
    await seenBefore(offered);
    await seed([preset('jobs', 'Jobs', [{ category: 'Jobs', methods: ['GET'] }])]);
    openHelper();
    await selectPreset('Jobs');
    await new Promise((r) => setTimeout(r, 20));
    expect(notesFor('Jobs')).toBeNull();
  });

  it('names endpoints that appeared under a method grant, or vanished, since last seen', async () => {
    // The page's list changed since last seen: one Reports endpoint more, one less.
    const now = [reports(['/Reports', '/Reports/{Id}/MetaData']), offered[1] as OfferedCategory];
    resetBrowser({ info: { ...V16, scopes: now } });
    await seenBefore(offered);
    await seed([preset('rep', 'Reports', [{ category: 'Reports', methods: ['GET'] }])]);
    openHelper();
    await selectPreset('Reports');
    await waitFor(() =>
      expect(notesFor('Reports')?.textContent).toBe(
        `⚠ New on partner (API v16) pages, granted by this preset's method grants: Reports GET ${P}/Reports/{Id}/MetaData` +
          `⚠ Gone from partner (API v16) pages since last seen: Reports GET ${P}/Reports/{Id}`,
      ),
    );
    // The form says it too, for the list it shows.
    fireEvent.click(screen.getByText(/The page's list changed since it was seen before \(2\)/));
    expect(screen.getByText(`New: Reports GET ${P}/Reports/{Id}/MetaData`)).toBeTruthy();
    expect(screen.getByText(`Gone: Reports GET ${P}/Reports/{Id}`)).toBeTruthy();
  });
});
