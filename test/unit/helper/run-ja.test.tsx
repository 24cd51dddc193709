// @vitest-environment happy-dom
import '../fakes/install';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/build-plan';
import { type PlanStep, WIZARD_STEPS } from '../../../src/core/plan';
import type { RunOutcome } from '../../../src/core/protocol';
import { App } from '../../../src/helper/app';
import { stepText } from '../../../src/helper/run-text';
import { fakeBrowser, formatMessage, resetFakeBrowser } from '../fakes/browser';
import { type FakePageOptions, installFakePage } from '../fakes/page';

/**
 * The Japanese UI words every progress and stop line in Japanese: the page sends ids, the helper
 * words them from _locales/ja. A missing ja message falls back to English (as Chrome does) and a
 * missing key shows the key itself: both are Latin text, which these tests refuse.
 */

const TAB = 7;
const NOW = () => new Date(2026, 10, 29, 10, 0, 0);
const ACME = { detected: true, kind: 'partner', locale: 'ja', account: 'Acme (1234567)' } as const;

/** Values that come from the preset or the page and are shown as given. */
const DATA = ['Reports', 'GET', 'aiko@acme.example', '16'];
/** Latin words the Japanese messages use on purpose (product terms). */
const ALLOWED_LATIN = /\bAPI\b/g;

/** The Latin words left in `text` once the data it quotes and the allowed terms are taken out. */
function latinWords(text: string, data: readonly string[] = DATA): string[] {
  let rest = text.replace(ALLOWED_LATIN, '');
  for (const value of data) rest = rest.split(value).join('');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

const ALL_STEPS: PlanStep[] = [
  { kind: 'openWizard' },
  ...WIZARD_STEPS.map((step): PlanStep => ({ kind: 'expectStep', step })),
  { kind: 'fillText', field: 'tokenName', value: 'x' },
  { kind: 'fillText', field: 'description', value: 'x' },
  { kind: 'choose', field: 'apiVersion', value: 'latest' },
  { kind: 'choose', field: 'apiVersion', value: '16' },
  { kind: 'choose', field: 'primaryContact', value: 'aiko@acme.example' },
  { kind: 'addEmails', values: ['aiko@acme.example'] },
  { kind: 'addEmails', values: ['aiko@acme.example', 'aiko@acme.example'] },
  { kind: 'clearScopes' },
  { kind: 'setCategory', category: 'Reports', on: true },
  { kind: 'setCategory', category: 'Reports', on: false },
  { kind: 'setGrants', scope: { category: 'Reports', methods: ['GET'], endpoints: [] } },
  {
    kind: 'setGrants',
    scope: {
      category: 'Reports',
      methods: [],
      endpoints: [{ method: 'GET', path: '/Mediapartners/{AccountSID}/Reports' }],
    },
  },
  ...(['setup', 'contact', 'scopes'] as const).map((from): PlanStep => ({ kind: 'next', from })),
  {
    kind: 'readBack',
    expect: {
      tokenName: 'x',
      description: '',
      apiVersion: 'latest',
      primaryContact: '',
      developerEmails: [],
      scopes: [],
    },
  },
  { kind: 'create' },
  { kind: 'awaitCreated' },
];

/** Every kind of plan step, by the type: a new kind fails to compile here until it is listed. */
const KINDS: Record<PlanStep['kind'], true> = {
  openWizard: true,
  expectStep: true,
  fillText: true,
  choose: true,
  addEmails: true,
  clearScopes: true,
  setCategory: true,
  setGrants: true,
  next: true,
  readBack: true,
  create: true,
  awaitCreated: true,
};

async function seedPreset(): Promise<void> {
  await fakeBrowser.storage.sync.set({
    meta: {
      formatVersion: 2,
      order: ['p'],
      defaultPresetId: 'p',
      settings: { openAutomatically: true },
    },
    'preset:p': {
      id: 'p',
      name: 'レポート',
      nameTemplate: 'reporting',
      description: '',
      version: 'latest',
      primaryContact: '',
      developerEmails: [],
      scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  });
}

/** Opens the helper in Japanese on a fake page and presses 「フォームに入力」; returns the status. */
async function runInJapanese(options: Partial<FakePageOptions>, settled: RegExp): Promise<string> {
  cleanup();
  resetFakeBrowser();
  fakeBrowser.locale = 'ja';
  fakeBrowser.tabs.list = [{ id: TAB, active: true }];
  await seedPreset();
  installFakePage(fakeBrowser, TAB, { info: ACME, ...options });
  render(<App search="" now={NOW} />);
  const fill = await screen.findByRole('button', { name: formatMessage('ja', 'fillForm') });
  await waitFor(() => expect(fill).toHaveProperty('disabled', false));
  fireEvent.click(fill);
  const status = () => screen.getByRole('status').textContent ?? '';
  await waitFor(() => expect(status()).toMatch(settled));
  return status();
}

beforeEach(() => {
  resetFakeBrowser();
});
afterEach(cleanup);

describe('the run status in Japanese', () => {
  it('covers every kind of plan step', () => {
    expect([...new Set(ALL_STEPS.map((step) => step.kind))].sort()).toEqual(
      Object.keys(KINDS).sort(),
    );
  });

  it('words every kind of progress step in Japanese, with no English and no message key', async () => {
    const shown: string[] = [];
    for (const step of ALL_STEPS) {
      shown.push(await runInJapanese({ steps: [step], hang: true }, /^ステップ 1\/1: ./));
    }
    expect(shown.flatMap((line) => latinWords(line))).toEqual([]);
    // Each step says what it does: no two different steps share a line.
    expect(new Set(shown).size).toBe(ALL_STEPS.length);
    expect(shown).toContain('ステップ 1/1: Reports: GET すべて にチェック');
    expect(shown).toContain('ステップ 1/1: Reports: エンドポイント 1 件 にチェック');
    expect(shown).toContain('ステップ 1/1: 次へ(「連絡先情報」から)');
    // One helper per step kind, rendered in turn: slow on a shared machine.
  }, 30_000);

  it('words a stop at every wizard step in Japanese, keeping the page’s reason verbatim', async () => {
    for (const step of WIZARD_STEPS) {
      const reason = 'トークン名は必須です。';
      const outcome: RunOutcome = { status: 'stopped', step, reason };
      const status = await runInJapanese({ outcome }, /^停止しました/);
      expect(status).toBe(
        `停止しました: ${formatMessage('ja', `step${stepKey(step)}`)} — ${reason}`,
      );
      expect(latinWords(status)).toEqual([]);
    }
  }, 30_000);

  it('words the other endings in Japanese', async () => {
    const endings: [RunOutcome, string][] = [
      [{ status: 'ready-for-review' }, 'runReady'],
      [{ status: 'created' }, 'runCreated'],
      [{ status: 'cancelled' }, 'runCancelled'],
    ];
    for (const [outcome, key] of endings) {
      const expected = formatMessage('ja', key);
      const status = await runInJapanese({ outcome }, new RegExp(`^${expected}$`));
      expect(latinWords(status)).toEqual([]);
    }
  }, 30_000);

  it('catches English: the same check finds the English wording of a step', () => {
    // The check itself can fail: English progress lines are full of Latin words.
    expect(latinWords('ステップ 3/20: Fill in the token name')).toEqual([
      'Fill',
      'in',
      'the',
      'token',
      'name',
    ]);
    expect(latinWords('runStepFillName')).toEqual(['runStepFillName']);
  });
});

describe('stepText in English', () => {
  it('words every step of a full plan, distinctly where the steps differ', () => {
    const plan = buildPlan({
      name: 'n',
      description: 'd',
      version: '16',
      primaryContact: 'aiko@acme.example',
      developerEmails: ['a@b.co', 'c@d.co'],
      scopes: [{ category: 'Actions', methods: ['GET', 'PUT'], endpoints: [] }],
      mode: 'create',
    });
    const labels = plan.steps.map(stepText);
    expect(labels.every((l) => l.length > 0 && !/^runStep/.test(l))).toBe(true);
    expect(labels).toContain('Choose API version 16');
    expect(labels).toContain('Tick Actions: all GET, all PUT');
    expect(labels).toContain('Next (from Contact information)');
    expect(labels).toContain('Add 2 developer emails');
    expect(stepText({ kind: 'addEmails', values: ['a@b.co'] })).toBe('Add 1 developer email');
    expect(stepText({ kind: 'setCategory', category: 'Ads', on: false })).toBe('Turn off Ads');
  });
});

describe('the message files', () => {
  it('have the same keys and placeholders in English and Japanese', () => {
    const read = (lang: string) =>
      JSON.parse(
        readFileSync(
          join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`),
          'utf8',
        ),
      ) as Record<string, { placeholders?: Record<string, unknown> }>;
    const shape = (m: ReturnType<typeof read>) =>
      Object.fromEntries(
        Object.entries(m).map(([k, v]) => [k, Object.keys(v.placeholders ?? {}).sort()]),
      );
    expect(shape(read('ja'))).toEqual(shape(read('en')));
  });
});

const stepKey = (step: string) =>
  ({ setup: 'Setup', contact: 'Contact', scopes: 'Scopes', create: 'Create' })[step] ?? step;
