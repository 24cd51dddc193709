// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/helper/app';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { installFakePage } from '../fakes/page';

const TAB = 3;
const NOW = () => new Date(2026, 10, 29, 10, 0, 0);

beforeEach(() => {
  resetFakeBrowser();
  fakeBrowser.tabs.list = [{ id: TAB, active: true }];
  installFakePage(fakeBrowser, TAB, {
    info: { detected: true, kind: 'partner', locale: 'ja', account: 'アクメ (1234567)' },
  });
});
afterEach(cleanup);

describe('what the helper tells the person', () => {
  it('lists stored presets it could not read, leaves them in place, and removes them only when asked', async () => {
    await fakeBrowser.storage.sync.set({
      meta: { formatVersion: 2, order: 7 },
      'preset:x': 'oops',
      'preset:ok': {
        id: 'ok',
        name: 'Readable',
        nameTemplate: '{account}-ok',
        scopes: [{ category: 'Reports', methods: ['GET'] }],
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    });
    render(<App search="" now={NOW} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^1 stored presets could not be read: x \(/);
    expect(alert.textContent).toMatch(/left where they are, untouched/);
    expect(fakeBrowser.storage.sync.dump()['preset:x']).toBe('oops');
    expect(within(alert).getByRole('button', { name: 'Export unreadable data' })).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Remove unreadable data' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(fakeBrowser.storage.sync.dump()).not.toHaveProperty('preset:x');
    expect(fakeBrowser.storage.sync.dump()).toHaveProperty('preset:ok');
  });

  it('says when presets are kept in this browser only', async () => {
    fakeBrowser.storage.sync.unavailable = 'sync is disabled';
    render(<App search="" now={NOW} />);
    expect(
      await screen.findByText(/saved in this browser only for now: .*\(sync is disabled\)/),
    ).toBeTruthy();
  });

  it('saves "Open automatically"', async () => {
    render(<App search="" now={NOW} />);
    const box = await screen.findByRole('checkbox', { name: 'Open automatically' });
    expect(box).toHaveProperty('checked', true);
    fireEvent.click(box);
    await waitFor(() =>
      expect(fakeBrowser.storage.sync.dump().meta).toMatchObject({
        settings: { openAutomatically: false },
      }),
    );
  });

  it('speaks Japanese when the browser UI is Japanese', async () => {
    fakeBrowser.locale = 'ja';
    render(<App search="" now={NOW} />);
    expect(await screen.findByRole('heading', { name: 'プリセット' })).toBeTruthy();
    expect(screen.getByText('パートナー アカウント: アクメ (1234567)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新しいプリセット' }));
    expect(await screen.findByRole('textbox', { name: 'トークン名' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '説明' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'API バージョン' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '主な連絡先' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '新しいプリセット' })).toBeTruthy();
    const scopes = screen.getByRole('group', { name: 'API スコープ' });
    expect(within(scopes).getByRole('button', { name: 'すべてクリア' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'フォームに入力' })).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'トークン名' }), {
      target: { value: '{acount}' },
    });
    expect(screen.getByText('不明なプレースホルダーです: {acount}')).toBeTruthy();
  });
});
