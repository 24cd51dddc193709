/**
 * Shared set-up for the Team section's component tests: a helper opened on a detected partner
 * page, stored presets seeded the way the extension stores them, and capture of downloads.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Preset } from '../../../src/core/preset';
import type { PageInfo } from '../../../src/core/protocol';
import { StoredPresetSchema } from '../../../src/core/stored-preset';
import { App } from '../../../src/helper/app';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { type FakePageOptions, installFakePage } from '../fakes/page';

export const TAB = 7;
export const NOW = () => new Date(2026, 10, 29, 10, 0, 0);
export const ACME: PageInfo = {
  detected: true,
  kind: 'partner',
  locale: 'en',
  account: 'Acme Media (1234567)',
};

export function resetBrowser(page: Partial<FakePageOptions> = {}) {
  const b = resetFakeBrowser();
  b.tabs.list = [{ id: TAB, active: true }];
  return installFakePage(b, TAB, { info: ACME, ...page });
}

export function openHelper(search = '') {
  return render(<App search={search} now={NOW} />);
}

/** Opens the Team section (a <details>), as a person would. */
export async function openTeam() {
  fireEvent.click(await screen.findByText('Team', { selector: 'summary' }));
}

/** A scope as tests write it: a version 1 method grant needs no `endpoints`. */
export type TestScope = Omit<Preset['scopes'][number], 'endpoints'> & {
  endpoints?: Preset['scopes'][number]['endpoints'];
};

export function preset(
  id: string,
  name: string,
  scopes: TestScope[] = [{ category: 'Reports', methods: ['GET'] }],
  over: Partial<Preset> = {},
): Preset {
  return {
    id,
    name,
    nameTemplate: `${id}-token`,
    description: '',
    version: 'latest',
    primaryContact: '',
    developerEmails: [],
    scopes: scopes.map((s) => ({ ...s, endpoints: s.endpoints ?? [] })),
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** Stores presets in storage.sync exactly as the extension lays them out (stored-state.ts). */
export async function seed(presets: Preset[], defaultPresetId?: string) {
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

/** Stored presets in list order, read back from their stored form (stored-preset.ts). */
export function storedPresets(): Preset[] {
  const items = fakeBrowser.storage.sync.dump();
  const order = (items.meta as { order: string[] }).order;
  return order.map((id) => StoredPresetSchema.parse(items[`preset:${id}`]));
}

/** Every byte the extension keeps, for "nothing changed" checks. */
export const storageSnapshot = () =>
  JSON.stringify([fakeBrowser.storage.sync.dump(), fakeBrowser.storage.local.dump()]);

/** Records what downloadText hands to the browser: file name and text (without a CSV BOM). */
export function captureDownloads() {
  const files: { name: string; text: Promise<string> }[] = [];
  let pending: Blob | undefined;
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    pending = blob as Blob;
    return 'blob:fake';
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = pending;
    files.push({
      name: this.download,
      text: (blob ? blob.text() : Promise.resolve('')).then((t) => t.replace(/^\uFEFF/, '')),
    });
  });
  return {
    files,
    restore() {
      create.mockRestore();
      click.mockRestore();
    },
  };
}

/** Picks a file in the hidden file input behind "Import file…". */
export function pickFile(container: Element, file: File) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}
