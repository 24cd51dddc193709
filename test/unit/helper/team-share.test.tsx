// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePack } from '../../../src/core/pack';
import { fakeBrowser } from '../fakes/browser';
import {
  captureDownloads,
  openHelper,
  openTeam,
  preset,
  resetBrowser,
  seed,
  storedPresets,
} from './team-fixtures';
import { goHome, openPreset } from './views';

const alpha = preset('a', 'Alpha', [{ category: 'Reports', methods: ['GET'] }], {
  nameTemplate: '{account}-alpha-{date}',
  description: 'Nightly pull',
  version: '15',
  developerEmails: ['dev@acme.example'],
});
const bravo = preset('b', 'Bravo', [{ category: 'Ads', methods: ['GET'] }]);

let clipboard: string[] = [];
beforeEach(() => {
  resetBrowser();
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void clipboard.push(text) },
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Opens the preset `name`, then goes back home: the Team section shares the last opened. */
async function selectPreset(name: string) {
  await openPreset(name);
  await goHome();
}

describe('share text and export', () => {
  it('copies one line for the selected preset, which imports back to the same preset', async () => {
    await seed([alpha, bravo]);
    openHelper();
    await selectPreset('Alpha');
    await openTeam();
    fireEvent.click(screen.getByRole('button', { name: 'Copy share text' }));
    await screen.findByText('Copied to the clipboard.');
    const box = screen.getByRole('textbox', { name: 'Share text' }) as HTMLTextAreaElement;
    expect(box.readOnly).toBe(true);
    expect(clipboard).toEqual([box.value]);
    expect(box.value).toMatch(/^impact-token-preset:v2:[A-Za-z0-9_-]+$/);

    // A teammate with an empty helper pastes it.
    cleanup();
    await fakeBrowser.storage.sync.clear();
    openHelper();
    await openTeam();
    fireEvent.input(screen.getByRole('textbox', { name: 'Paste share text or pack' }), {
      target: { value: `  ${clipboard[0]}\n` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    await screen.findByRole('group', { name: '“Alpha” is new' });
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 preset' }));
    await waitFor(() => expect(storedPresets()).toEqual([alpha]));
  });

  it('still shows the text to copy by hand when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    await seed([alpha]);
    openHelper();
    await selectPreset('Alpha');
    await openTeam();
    fireEvent.click(screen.getByRole('button', { name: 'Copy share text' }));
    await screen.findByText(/Could not copy automatically/);
    expect(
      (screen.getByRole('textbox', { name: 'Share text' }) as HTMLTextAreaElement).value,
    ).toMatch(/^impact-token-preset:v2:/);
  });

  it('imports several pasted share lines at once', async () => {
    await seed([alpha, bravo]);
    openHelper();
    const lines: string[] = [];
    for (const name of ['Alpha', 'Bravo']) {
      await selectPreset(name);
      await openTeam();
      lines.push(
        (screen.getByRole('textbox', { name: 'Share text' }) as HTMLTextAreaElement).value,
      );
      fireEvent.click(screen.getByText('Team', { selector: 'summary' }));
    }
    cleanup();
    await fakeBrowser.storage.sync.clear();
    openHelper();
    await openTeam();
    fireEvent.input(screen.getByRole('textbox', { name: 'Paste share text or pack' }), {
      target: { value: lines.join('\n') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Preview import' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 presets' }));
    await waitFor(() => expect(storedPresets()).toEqual([alpha, bravo]));
  });

  it('exports all presets, or only the chosen ones, as a pack file', async () => {
    await seed([alpha, bravo]);
    openHelper();
    await openTeam();
    const downloads = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Export all presets' }));
    const chosen = screen.getByRole('button', { name: 'Export chosen (0)' });
    expect(chosen).toHaveProperty('disabled', true);
    const list = screen.getByRole('group', { name: 'Choose presets to export' });
    fireEvent.click(within(list).getByRole('checkbox', { name: 'Bravo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export chosen (1)' }));
    downloads.restore();

    expect(downloads.files.map((f) => f.name)).toEqual([
      'impact-token-presets.json',
      'impact-token-presets.json',
    ]);
    const all = parsePack(await (downloads.files[0]?.text as Promise<string>));
    const some = parsePack(await (downloads.files[1]?.text as Promise<string>));
    expect(all.ok && all.pack.presets).toEqual([alpha, bravo]);
    expect(some.ok && some.pack.presets).toEqual([bravo]);
  });
});
