// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportPack } from '../../../src/core/pack';
import { helperTabHandlers } from '../../../src/platform/helper-tabs';
import { handleMessages } from '../../../src/platform/messaging';
import { fakeBrowser } from '../fakes/browser';
import {
  openHelper,
  openTeam,
  pickFile,
  preset,
  resetBrowser,
  seed,
  storageSnapshot,
  storedPresets,
} from './team-fixtures';
import { homeShown } from './views';

const HELPER_PAGE = 'chrome-extension://fake-extension-id/src/helper/index.html';
const alpha = preset('a', 'Alpha');
const bravo = preset('b', 'Bravo', [{ category: 'Ads', methods: ['GET'] }]);
const charlie = preset('c', 'Charlie', [{ category: 'Jobs', methods: ['GET'] }]);
const echo = preset('e', 'Echo', [{ category: 'Clicks', methods: ['GET'] }]);

beforeEach(() => {
  resetBrowser();
});
afterEach(cleanup);

async function paste(text: string) {
  await openTeam();
  fireEvent.input(screen.getByRole('textbox', { name: 'Paste share text or pack' }), {
    target: { value: text },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
}

const group = (name: RegExp) => screen.getByRole('group', { name });
const choose = (groupName: RegExp, choice: string) =>
  fireEvent.click(within(group(groupName)).getByRole('radio', { name: choice }));

describe('import preview and conflict resolution', () => {
  it('shows what will change, and applies keep both, replace and skip per preset', async () => {
    await seed([alpha, bravo, charlie, echo]);
    openHelper();
    await homeShown();
    const before = storageSnapshot();
    await paste(
      exportPack([
        // Same id as Alpha, new scopes: another version of it.
        { ...alpha, scopes: [{ category: 'Reports', methods: ['GET', 'POST'], endpoints: [] }] },
        // Same name as Bravo, another id.
        preset('other-b', 'bravo', [{ category: 'Catalogs', methods: ['GET'] }]),
        // Same id as Charlie, changed description.
        { ...charlie, description: 'changed' },
        // Already there, unchanged.
        echo,
        preset('d', 'Delta'),
      ]),
    );

    expect(await screen.findByRole('heading', { name: 'Preview of the import' })).toBe(
      document.activeElement,
    );
    const alphaGroup = group(/“Alpha” is another version of your “Alpha”/);
    expect(within(alphaGroup).getByText('Scopes added: Reports POST')).toBeTruthy();
    expect(group(/“bravo” has the same name as your “Bravo”/)).toBeTruthy();
    expect(within(group(/“Charlie”/)).getByText('Differs in: Description')).toBeTruthy();
    expect(
      screen.getByText('“Echo” is already saved, unchanged. It will be skipped.'),
    ).toBeTruthy();
    expect(within(group(/“Delta” is new/)).getByRole('radio', { name: 'Add' })).toHaveProperty(
      'checked',
      true,
    );
    // The safe default for a clash: keep both. Nothing is stored by the preview.
    expect(within(alphaGroup).getByRole('radio', { name: 'Keep both' })).toHaveProperty(
      'checked',
      true,
    );
    expect(storageSnapshot()).toBe(before);

    choose(/“Alpha”/, 'Replace');
    choose(/“bravo”/, 'Keep both');
    choose(/“Charlie”/, 'Skip');
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 presets' }));

    await screen.findByText('Import finished: 2 added, 1 replaced, 2 skipped.');
    const stored = storedPresets();
    expect(stored.map((p) => [p.id, p.name])).toEqual([
      ['a', 'Alpha'],
      ['b', 'Bravo'],
      ['c', 'Charlie'],
      ['e', 'Echo'],
      ['other-b', 'bravo (2)'],
      ['d', 'Delta'],
    ]);
    expect(stored[0]?.scopes).toEqual([
      { category: 'Reports', methods: ['GET', 'POST'], endpoints: [] },
    ]);
    expect(stored[1]).toEqual(bravo);
    expect(stored[2]).toEqual(charlie);
    expect(screen.queryByRole('heading', { name: 'Preview of the import' })).toBeNull();
  });

  it('imports from a picked pack file', async () => {
    await seed([alpha]);
    const { container } = openHelper();
    await openTeam();
    pickFile(
      container,
      new File([exportPack([preset('z', 'Zulu')])], 'team.json', { type: 'application/json' }),
    );
    await screen.findByRole('heading', { name: 'Preview of “team.json”' });
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 preset' }));
    await waitFor(() => expect(storedPresets().map((p) => p.name)).toEqual(['Alpha', 'Zulu']));
  });

  it('names the path of the first problem in a malformed file and changes nothing', async () => {
    await seed([alpha, bravo]);
    const { container } = openHelper();
    await openTeam();
    const before = storageSnapshot();
    const broken = JSON.parse(exportPack([preset('x', 'X'), preset('y', 'Y')]));
    broken.presets[1].scopes[0].methods = ['GET', 'HEAD'];
    pickFile(container, new File([JSON.stringify(broken)], 'broken.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^Cannot import “broken\.json”: presets\[1\]\.scopes\[0\]\.methods\[1\]: /,
    );
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    expect(storageSnapshot()).toBe(before);
  });

  it('refuses pasted text that is not a pack or share text, and a file over 256 KB', async () => {
    await seed([alpha]);
    const { container } = openHelper();
    await homeShown();
    const before = storageSnapshot();
    await paste('{"format": "something-else"}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cannot import: not a preset pack (expected "format": "impact-token-presets")',
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Paste share text or pack' }), {
      target: { value: 'impact-token-preset:v1:%%%' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/share text is damaged/),
    );
    pickFile(container, new File(['x'.repeat(256 * 1024 + 1)], 'huge.json'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Cannot import “huge.json”: the file is larger than 256 KB',
      ),
    );
    expect(storageSnapshot()).toBe(before);
  });

  it('leaves stored presets byte-identical when saving the import fails', async () => {
    await seed([alpha, bravo]);
    openHelper();
    await homeShown();
    await paste(exportPack([{ ...alpha, description: 'new' }, preset('d', 'Delta')]));
    choose(/“Alpha”/, 'Replace');
    const before = storageSnapshot();
    // Storage refuses every write (disk full, profile locked).
    fakeBrowser.storage.sync.unavailable = 'IO error: disk full';
    fakeBrowser.storage.local.unavailable = 'IO error: disk full';
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 presets' }));
    await screen.findByText(/^Could not save: /);
    expect(storageSnapshot()).toBe(before);
    // The preview stays, so the person can try again.
    expect(screen.getByRole('button', { name: 'Import 2 presets' })).toBeTruthy();
  });

  it('refuses an import that would go over the preset limit, storing nothing', async () => {
    await seed([alpha]);
    openHelper();
    await homeShown();
    const before = storageSnapshot();
    const many = Array.from({ length: 200 }, (_, i) => preset(`p${i}`, `Preset ${i}`));
    await paste(exportPack(many));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 200 presets' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Cannot import: at most 200 presets can be stored',
    );
    expect(storageSnapshot()).toBe(before);
  });

  it('asks for a fresh look when the stored presets changed after the preview', async () => {
    await seed([alpha]);
    openHelper();
    await homeShown();
    await paste(exportPack([preset('b', 'Bravo')]));
    await screen.findByRole('group', { name: /“Bravo” is new/ });
    // Another window saves a Bravo of its own meanwhile.
    await seed([alpha, preset('b2', 'Bravo')]);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 preset' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed since this preview/);
    expect(
      screen.getByRole('group', { name: /“Bravo” has the same name as your “Bravo”/ }),
    ).toBeTruthy();
    expect(storedPresets().map((p) => p.id)).toEqual(['a', 'b2']);
  });
});

describe('import from the toolbar popup', () => {
  afterEach(() => {
    document.body.classList.remove('popup');
    vi.restoreAllMocks();
  });

  it('opens the helper in a tab at the import, since a file picker would close the popup', async () => {
    // The background opens that tab (platform/helper-tabs.ts); only its handlers are needed here.
    handleMessages(helperTabHandlers);
    fakeBrowser.runtime.currentSender = { url: HELPER_PAGE };
    document.body.classList.add('popup');
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    openHelper();
    await openTeam();
    expect(screen.getByText(/this opens the helper in a tab/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import file…' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    const opened = fakeBrowser.tabs.created.map((t) => t.url ?? '');
    expect(opened).toEqual([expect.stringMatching(/\?team=import&popout=[0-9a-f-]{36}$/)]);
    expect(opened[0]?.startsWith(HELPER_PAGE)).toBe(true);

    // That tab opens with the Team section open and the file button ready, aimed at the tab.
    cleanup();
    document.body.classList.remove('popup');
    fakeBrowser.runtime.currentSender = {
      tab: { id: 1001 },
      frameId: 0,
      url: opened[0],
    };
    openHelper(new URL(opened[0] ?? '').search);
    const button = await screen.findByRole('button', { name: 'Import file…' });
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(button.closest('details')?.open).toBe(true);
    expect(await screen.findByText(/Partner account:/)).toBeTruthy();
  });
});

describe('what an import would grant, and what it may not do', () => {
  it('shows a new preset’s scopes and its write warning, whatever its name says', async () => {
    await seed([alpha]);
    openHelper();
    await homeShown();
    await paste(
      exportPack([preset('ro', 'read-only', [{ category: 'Ads', methods: ['GET', 'DELETE'] }])]),
    );
    const item = await screen.findByRole('group', { name: /“read-only” is new/ });
    expect(within(item).getByText('Scopes: Ads GET, Ads DELETE')).toBeTruthy();
    expect(
      within(item).getByText(/Write access: Ads DELETE\. Make sure the integration needs it\./),
    ).toBeTruthy();
    // The warning is read with the choice, not only seen.
    expect(item.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('refuses pasted share lines that repeat an id, as a pack would', async () => {
    const { encodeShareText } = await import('../../../src/core/share-text');
    await seed([]);
    openHelper();
    await homeShown();
    const one = encodeShareText({ ...preset('same', 'One'), updatedAt: undefined });
    const two = encodeShareText({ ...preset('same', 'Two'), updatedAt: undefined });
    await paste(`${one}\n${two}`);
    expect((await screen.findByRole('alert')).textContent).toMatch(/duplicate id "same"/);
  });

  it('refuses an import that would not fit in sync storage, with the reason', async () => {
    await seed([alpha]);
    openHelper();
    await homeShown();
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...preset(`big-${i}`, `Big ${i}`),
      description: 'x'.repeat(900),
    }));
    const before = storageSnapshot();
    await paste(exportPack(many));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 150 presets' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Not imported: the presets would not fit in sync storage \(QUOTA_BYTES quota exceeded/,
    );
    expect(storageSnapshot()).toEqual(before);
  });
});
