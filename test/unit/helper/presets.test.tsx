// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PresetSchema } from '../../../src/core/preset';
import { defaultState, fitsSyncQuota, toStorageItems } from '../../../src/core/stored-state';
import { App } from '../../../src/helper/app';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { installFakePage } from '../fakes/page';
import { openPreset, presetCard, startNewPreset } from './views';

const TAB = 7;
const NOW = () => new Date(2026, 10, 29, 10, 0, 0);

function openHelper(search = '') {
  return render(<App search={search} now={NOW} />);
}

const storedPresets = () =>
  Object.entries(fakeBrowser.storage.sync.dump())
    .filter(([key]) => key.startsWith('preset:'))
    .map(([, value]) => value as Record<string, unknown>);

beforeEach(() => {
  resetFakeBrowser();
  fakeBrowser.tabs.list = [{ id: TAB, active: true }];
  installFakePage(fakeBrowser, TAB, {
    info: { detected: true, kind: 'partner', locale: 'en', account: 'Acme Media (1234567)' },
  });
});
afterEach(cleanup);

describe('presets', () => {
  it('creates a preset from the form and stores it in sync storage', async () => {
    openHelper();
    fireEvent.input(await startNewPreset(), {
      target: { value: '{account}-reporting-{date}' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Description' }), {
      target: { value: 'Nightly report pull' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'API version' }), {
      target: { value: '15' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Developer emails' }), {
      target: { value: 'dev@acme.example, ops@acme.example' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Reports GET' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tracking Links POST' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save as preset' }));
    const name = screen.getByRole('textbox', { name: 'Preset name' });
    fireEvent.input(name, { target: { value: 'Reporting' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Saved “Reporting”.');
    const [stored] = storedPresets();
    expect(stored).toMatchObject({
      name: 'Reporting',
      nameTemplate: '{account}-reporting-{date}',
      description: 'Nightly report pull',
      version: '15',
      developerEmails: ['dev@acme.example', 'ops@acme.example'],
      scopes: [
        { category: 'Reports', methods: ['GET'] },
        { category: 'Tracking Links', methods: ['POST'] },
      ],
    });
    expect(fakeBrowser.storage.sync.dump().meta).toMatchObject({ order: [stored?.id] });
    // The edit view now shows the saved preset.
    expect(screen.getByRole('heading', { name: 'Preset “Reporting”' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'All presets' }));
    expect(await presetCard('Reporting')).toBeTruthy();
  });

  it('says before a save that the presets would no longer fit storage.sync', async () => {
    const list = [preset('a', 'Alpha', [{ category: 'Reports', methods: ['GET'] }])];
    const filler = (i: number) => ({
      ...preset(`f${i}`, `Filler ${i}`, [{ category: 'Reports', methods: ['GET'] }]),
      description: 'd'.repeat(300),
    });
    const syncBytes = (presets: ReturnType<typeof preset>[]) =>
      fitsSyncQuota(
        toStorageItems({ ...defaultState(), presets: presets.map((p) => PresetSchema.parse(p)) }),
      ).totalBytes;
    // Filled to within about a kilobyte of the 102,400 bytes.
    while (syncBytes([...list, filler(list.length)]) < 102_400 - 600)
      list.push(filler(list.length));
    await seed(list);
    openHelper();
    await openPreset('Alpha');
    const tooLarge =
      /^Too large for sync: with this preset the presets need 10\d\.\d KB of sync's 100\.0 KB/;
    expect(screen.queryByText(tooLarge)).toBeNull();
    const description = screen.getByRole('textbox', { name: 'Description' });
    fireEvent.input(description, { target: { value: 'x'.repeat(1000) } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Token name' }), {
      target: { value: 't'.repeat(200) },
    });
    expect(await screen.findByText(tooLarge)).toBeTruthy();
    fireEvent.input(description, { target: { value: '' } });
    await waitFor(() => expect(screen.queryByText(tooLarge)).toBeNull());
  });

  it('edits, duplicates, renames and sets the default preset', async () => {
    await seed([preset('a', 'Alpha', [{ category: 'Reports', methods: ['GET'] }])]);
    openHelper();
    await openPreset('Alpha');
    const description = screen.getByRole('textbox', { name: 'Description' });
    fireEvent.input(description, { target: { value: 'changed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(storedPresets()[0]).toMatchObject({ id: 'a', description: 'changed' }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(storedPresets()).toHaveLength(2));
    expect(storedPresets()[1]).toMatchObject({ name: 'Alpha (copy)', description: 'changed' });

    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Preset name' }), {
      target: { value: 'Beta' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(storedPresets()[1]).toMatchObject({ name: 'Beta' }));

    fireEvent.click(screen.getByRole('button', { name: 'Make default' }));
    const betaId = storedPresets()[1]?.id;
    await waitFor(() =>
      expect(fakeBrowser.storage.sync.dump().meta).toMatchObject({ defaultPresetId: betaId }),
    );

    // Opening the helper again lists the default preset first, marked, its form as saved.
    cleanup();
    openHelper();
    const first = await presetCard('Beta');
    expect(first.textContent).toContain('Default');
    const cards = screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'));
    expect(cards[0]).toBe(first.getAttribute('aria-labelledby'));
    await openPreset('Beta');
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveProperty('value', 'changed');
  });

  it('deletes a preset and brings it back with Undo', async () => {
    await seed(
      [
        preset('a', 'Alpha', [{ category: 'Reports', methods: ['GET'] }]),
        preset('b', 'Bravo', [{ category: 'Actions', methods: ['GET'] }]),
      ],
      'a',
    );
    openHelper();
    await openPreset('Alpha');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText(/Deleted “Alpha”/);
    expect(storedPresets().map((p) => p.id)).toEqual(['b']);
    expect(fakeBrowser.storage.sync.dump().meta).not.toHaveProperty('defaultPresetId');
    // Back on the home view, without its card.
    expect(await presetCard('Bravo')).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Alpha' })).toBeNull();

    // Focus goes to Undo (Delete went with the edit view), so Enter brings the preset back.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' })),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored “Alpha”.');
    expect(
      storedPresets()
        .map((p) => p.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(fakeBrowser.storage.sync.dump().meta).toMatchObject({
      order: ['a', 'b'],
      defaultPresetId: 'a',
    });
    // Opened again where it was deleted.
    expect(await screen.findByRole('heading', { name: 'Preset “Alpha”' })).toBeTruthy();
  });

  it('shows organization presets read-only', async () => {
    await fakeBrowser.storage.managed.set({
      presetPack: JSON.stringify({
        format: 'impact-token-presets',
        version: 1,
        presets: [
          {
            id: 'org1',
            name: 'Org reporting',
            nameTemplate: '{account}-org',
            scopes: [{ category: 'Reports', methods: ['GET'] }],
          },
        ],
      }),
    });
    openHelper();
    // Its card is in the home view's list of the organization's presets.
    const lists = await screen.findAllByRole('list', { name: 'From your organization' });
    expect(lists.some((l) => within(l).queryByRole('article', { name: 'Org reporting' }))).toBe(
      true,
    );
    await openPreset('Org reporting');
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(await screen.findByText(/comes from your organization/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Rename' })).toHaveProperty('disabled', true);
  });
});

function preset(id: string, name: string, scopes: { category: string; methods: string[] }[]) {
  return {
    id,
    name,
    nameTemplate: `${id}-token`,
    description: '',
    version: 'latest',
    primaryContact: '',
    developerEmails: [],
    scopes,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

async function seed(presets: ReturnType<typeof preset>[], defaultPresetId?: string) {
  const items: Record<string, unknown> = {
    meta: {
      formatVersion: 2,
      order: presets.map((p) => p.id),
      ...(defaultPresetId ? { defaultPresetId } : {}),
      settings: { openAutomatically: true },
    },
  };
  for (const p of presets) items[`preset:${p.id}`] = p;
  await fakeBrowser.storage.sync.set(items);
}
