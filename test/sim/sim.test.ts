import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.mjs';
import {
  choose,
  currentStep,
  expectStep,
  grant,
  openWizardLikeAPerson,
  scopeGroup,
  wizardOf,
} from './person';
import { SIM_PATHS, type SimServer, startSim } from './server.mjs';

// The simulation proves itself in a real browser: what a person does is recorded by the backend
// exactly, and the traps a careless driver falls into really are there.

let sim: SimServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // Fast by default; the person-like run asks for the realistic latency itself.
  sim = await startSim({ scenario: { latency: { min: 0, max: 20 } } });
  browser = await launchChromium(sim);
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(async () => {
  sim.reset();
  context = await browser.newContext();
});

afterEach(async () => {
  await context.close();
});

const visit = async (path: string, query = ''): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`https://app.impact.com${path}${query}`);
  return page;
};

/** The wizard, already open, with the Setup step filled and left. */
const pastSetup = async (page: Page, name = 'Sim Token') => {
  const dialog = wizardOf(page);
  await dialog.getByRole('textbox', { name: 'Token Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Contact Information');
  return dialog;
};

describe('a person-like run', () => {
  it('creates a token that the backend records exactly', async () => {
    const page = await visit(SIM_PATHS.partnerHome, '?latency=150-400');
    await expect.poll(() => page.getByLabel('Account').textContent()).toBe('Acme Media (1234567)');
    const dialog = await openWizardLikeAPerson(page);

    await dialog.getByRole('textbox', { name: 'Token Name' }).pressSequentially('Warehouse Export');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Nightly export of actions');
    await choose(page, dialog, 'API Version', 'Version 14');
    expect(await dialog.getByRole('button', { name: 'API Version' }).textContent()).toBe(
      'Version 14',
    );
    await dialog.getByRole('button', { name: 'Next' }).click();

    await expectStep(dialog, 'Contact Information');
    await choose(page, dialog, 'Primary Contact', 'Ben Carter');
    const emails = dialog.getByRole('textbox', { name: 'Developer Emails' });
    await emails.pressSequentially('dev.one@agency.example');
    await emails.press('Enter');
    await emails.pressSequentially('dev.two@agency.example,');
    const tags = dialog.getByRole('list', { name: 'Developer Emails' }).getByRole('listitem');
    await expect.poll(() => tags.allTextContents()).toHaveLength(2);
    await expect(
      dialog.getByRole('button', { name: 'Remove dev.two@agency.example' }).count(),
    ).resolves.toBe(1);
    await dialog.getByRole('button', { name: 'Next' }).click();

    await expectStep(dialog, 'API Scopes');
    await grant(dialog, 'Actions', ['GET', 'POST']);
    await grant(dialog, 'Reports', ['GET']);
    await grant(dialog, 'Promo Codes', ['PUT', 'DELETE']);
    await dialog.getByRole('button', { name: 'Next' }).click();

    await expectStep(dialog, 'Create');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    expect(await dialog.getAttribute('aria-busy')).toBe('true');
    await dialog.getByRole('progressbar').waitFor();
    const created = page.getByRole('dialog', { name: 'Access Token Created' });
    await created.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'Warehouse Export' }).waitFor();

    expect(sim.records()).toEqual([
      {
        account: 'partner',
        name: 'Warehouse Export',
        description: 'Nightly export of actions',
        version: 14,
        primaryContact: 'ben.carter@acme-media.example',
        developerEmails: ['dev.one@agency.example', 'dev.two@agency.example'],
        scopes: [
          { category: 'Actions', methods: ['GET', 'POST'] },
          { category: 'Promo Codes', methods: ['PUT', 'DELETE'] },
          { category: 'Reports', methods: ['GET'] },
        ],
        accountSid: expect.stringMatching(/^IR\w{30}$/),
        createdAt: expect.any(String),
      },
    ]);
    const timings = await page.evaluate(() => window.__sim?.timings);
    expect(timings?.createStep).toBeGreaterThan(timings?.wizardOpen ?? Number.POSITIVE_INFINITY);
  });
});

describe('traps for a careless driver', () => {
  it('loses a value set without the events React listens for', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1');
    const dialog = wizardOf(page);
    const name = dialog.getByRole('textbox', { name: 'Token Name' });
    await name.evaluate((input: HTMLInputElement) => {
      input.value = 'Set Without Events';
    });
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('Token Name is required.');
    expect(await currentStep(dialog)).toBe('Setup');
    expect(await name.inputValue()).toBe('');
  });

  it('refuses a duplicate name and an invalid email with role=alert', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1');
    const dialog = wizardOf(page);
    await dialog.getByRole('textbox', { name: 'Token Name' }).fill('existing reporting token');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('A token with this name already exists.');
    expect(await currentStep(dialog)).toBe('Setup');

    await pastSetup(page);
    const emails = dialog.getByRole('textbox', { name: 'Developer Emails' });
    await emails.fill('not-an-email');
    await emails.press('Enter');
    expect(await dialog.getByRole('alert').textContent()).toBe('Enter a valid email address.');
    expect(
      await dialog.getByRole('list', { name: 'Developer Emails' }).getByRole('listitem').count(),
    ).toBe(0);
  });

  it('makes "GET" ambiguous in the dialog but unique inside a category group', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1');
    const dialog = await pastSetup(page);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'API Scopes');
    await scopeGroup(dialog, 'Actions').getByRole('switch').click();
    await scopeGroup(dialog, 'Ads').getByRole('switch').click();
    expect(
      await dialog.getByRole('checkbox', { name: 'GET', exact: true }).count(),
    ).toBeGreaterThan(1);
    expect(
      await scopeGroup(dialog, 'Actions')
        .getByRole('checkbox', { name: 'GET', exact: true })
        .count(),
    ).toBe(1);
    // Reports is read-only by default: GET is all it offers.
    await scopeGroup(dialog, 'Reports').getByRole('switch').click();
    const reports = scopeGroup(dialog, 'Reports').getByRole('checkbox');
    expect(await reports.count()).toBe(1);
    await scopeGroup(dialog, 'Reports').getByRole('checkbox', { name: 'GET', exact: true }).check();
    await dialog.getByRole('button', { name: 'Clear All' }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('Select at least one API scope.');
  });
});

describe('variants', () => {
  it('shows the Japanese labels and keeps the language as a stored preference', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?lang=ja');
    await page.getByRole('button', { name: 'アクセス トークンを作成' }).click();
    const dialog = wizardOf(page, 'アクセス トークンを作成');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect
      .poll(() => page.getByLabel('アカウント').textContent())
      .toBe('Acme Media (1234567)');
    await expect.poll(() => currentStep(dialog)).toBe('セットアップ');
    expect(await dialog.locator('ol li').allTextContents()).toEqual([
      'セットアップ',
      '連絡先情報',
      'API スコープ',
      '作成',
    ]);
    await dialog.getByRole('textbox', { name: 'トークン名' }).fill('日本語トークン');
    await dialog.getByRole('textbox', { name: '説明' }).fill('説明文');
    await dialog.getByRole('button', { name: 'API バージョン' }).click();
    await expect
      .poll(() => page.getByRole('option').first().textContent())
      .toBe('バージョン 16（最新）');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: '次へ' }).click();
    await expectStep(dialog, '連絡先情報');
    await dialog.getByRole('button', { name: '主な連絡先' }).waitFor();
    await dialog.getByRole('textbox', { name: '開発者のメール アドレス' }).waitFor();

    const again = await visit(SIM_PATHS.partnerApi);
    await again.getByRole('button', { name: 'アクセス トークンを作成' }).waitFor();
  });

  it('works with native selects', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1&nativeSelects=1');
    const dialog = wizardOf(page);
    await dialog.getByRole('textbox', { name: 'Token Name' }).fill('Native Token');
    await dialog
      .getByRole('combobox', { name: 'API Version' })
      .selectOption({ label: 'Version 13' });
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'Contact Information');
    await dialog
      .getByRole('combobox', { name: 'Primary Contact' })
      .selectOption({ label: 'Diego Ramos <diego.ramos@acme-media.example>' });
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'API Scopes');
    await grant(dialog, 'Clicks', ['GET']);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'Create');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('dialog', { name: 'Access Token Created' }).waitFor();
    expect(sim.records()).toMatchObject([
      { name: 'Native Token', version: 13, primaryContact: 'diego.ramos@acme-media.example' },
    ]);
  });

  it('offers brands versions 14 to 11', async () => {
    const page = await visit(SIM_PATHS.brandApi, '?openWizard=1');
    const dialog = wizardOf(page);
    await expect
      .poll(() => page.getByLabel('Account').textContent())
      .toBe('Globex Outfitters (7654321)');
    await dialog.getByRole('button', { name: 'API Version' }).click();
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual([
      'Version 14 (Latest)',
      'Version 13',
      'Version 12',
      'Version 11',
    ]);
  });
});
