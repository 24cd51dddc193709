import { request } from 'node:https';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished,
} from 'vitest';
import { launchChromium } from './chromium.mjs';
import {
  choose,
  currentStep,
  expectStep,
  grant,
  grantEndpoints,
  openWizardLikeAPerson,
  scopeGroup,
  wizardOf,
} from './person';
import { SIM_PATHS, type SimServer, startSim } from './server.mjs';

// The simulation proves itself in a real browser: what a person does is recorded by the backend
// exactly, and the traps a careless driver falls into really are there.

let sim: SimServer;
let browser: Browser;
/** Shared by every test that leaves no stored state behind (a context costs ~0.3 s). */
let context: BrowserContext;

beforeAll(async () => {
  // Fast by default; the person-like run asks for the realistic latency itself.
  sim = await startSim({ scenario: { latency: { min: 0, max: 20 } } });
  browser = await launchChromium(sim);
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

beforeEach(() => {
  sim.reset();
});

afterEach(async () => {
  for (const page of context.pages()) await page.close();
});

const visit = async (path: string, query = '', where = context): Promise<Page> => {
  const page = await where.newPage();
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
    // A marker on window survives only if no document load happens on the way to the wizard.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const dialog = await openWizardLikeAPerson(page);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    expect(new URL(page.url()).pathname).toBe(SIM_PATHS.partnerApi);

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
    // Rows appear only once the category is on, one per endpoint, checkbox on the left.
    expect(await scopeGroup(dialog, 'Actions').getByRole('checkbox').count()).toBe(0);
    await grantEndpoints(dialog, 'Actions', [
      /^GET \/Mediapartners\/\{AccountSID\}\/Actions List Actions$/,
    ]);
    expect(await scopeGroup(dialog, 'Actions').getByRole('checkbox').count()).toBe(6);
    await grantEndpoints(dialog, 'Promo Codes', [/List Promo Codes/, /Retrieve a Promo Code/]);
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
        // Promo Codes: both of its GET endpoints, so the whole method; Actions: one of six.
        scopes: [
          {
            category: 'Actions',
            methods: [],
            endpoints: [{ method: 'GET', path: '/Mediapartners/{AccountSID}/Actions' }],
          },
          { category: 'Promo Codes', methods: ['GET'] },
        ],
        grants: [
          'Actions GET /Mediapartners/{AccountSID}/Actions',
          'Promo Codes GET /Mediapartners/{AccountSID}/PromoCodes',
          'Promo Codes GET /Mediapartners/{AccountSID}/PromoCodes/{Id}',
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
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1&scopeRows=methods');
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

describe('the scopes step as design systems build it', () => {
  // One row per toggle kind, each in another layout: a person finds the toggle by role and the
  // category's name, and the row by its text, whatever the markup around them.
  const variants = [
    { categoryToggle: 'switch', categoryLayout: 'sibling', role: 'switch' },
    { categoryToggle: 'checkbox', categoryLayout: 'controls', role: 'checkbox' },
    { categoryToggle: 'expand', categoryLayout: 'group', role: 'button' },
  ] as const;
  for (const { categoryToggle, categoryLayout, role } of variants)
    it(`${categoryToggle} toggle, rows in its ${categoryLayout}; table rows named by summary`, async () => {
      const query = `?openWizard=1&categoryToggle=${categoryToggle}&categoryLayout=${categoryLayout}&endpointRow=table&pathPlaceholders=camel`;
      const page = await visit(SIM_PATHS.brandApi, query);
      const dialog = await pastSetup(page, `Variant ${categoryToggle}`);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expectStep(dialog, 'API Scopes');
      const toggle = dialog.getByRole(role, { name: 'Ads', exact: true });
      if (categoryLayout === 'controls')
        expect(await toggle.getAttribute('aria-controls')).toBeNull();
      await toggle.click();
      // The row's checkbox is named by the summary; method and path sit in the other cells.
      const row = dialog.getByRole('row', {
        name: /PUT \/Advertisers\/\{accountSid\}\/Ads\/\{adId\}/,
      });
      await row.getByRole('checkbox', { name: 'Update an Ad' }).check();
      await dialog.getByRole('button', { name: 'Next' }).click();
      await expectStep(dialog, 'Create');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('dialog', { name: 'Access Token Created' }).waitFor();
      expect(sim.records()).toMatchObject([
        {
          name: `Variant ${categoryToggle}`,
          // The backend keeps the reference spelling whatever the page shows; Ads has one PUT
          // endpoint, so it is the whole method.
          scopes: [{ category: 'Ads', methods: ['PUT'] }],
          grants: ['Ads PUT /Advertisers/{AccountSID}/Ads/{AdId}'],
        },
      ]);
    });
});

describe('variants', () => {
  it('shows the Japanese labels and keeps the language as a stored preference', async () => {
    // Its own context: the stored language must not leak into the other tests.
    const own = await browser.newContext();
    onTestFinished(() => own.close());
    const page = await visit(SIM_PATHS.partnerApi, '?lang=ja', own);
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

    const again = await visit(SIM_PATHS.partnerApi, '', own);
    await again.getByRole('button', { name: 'アクセス トークンを作成' }).waitFor();
  });

  it('works with native selects', async () => {
    const page = await visit(
      SIM_PATHS.partnerApi,
      '?openWizard=1&nativeSelects=1&scopeRows=methods',
    );
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

/** Calls a test endpoint over https, trusting the simulation's own certificate. */
const simApi = (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const req = request(`${sim.origin}${path}`, { method, ca: sim.cert }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });

describe('developer-emails widgets and the secret notice, as a person uses them', () => {
  const EMAILS = ['dev.one@agency.example', 'dev.two@agency.example'];

  /** From the Contact step, with the emails entered by `enter`, to a created token. */
  const createWith = async (query: string, enter: (dialog: Locator) => Promise<void>) => {
    const page = await visit(SIM_PATHS.partnerApi, `?openWizard=1&scopeRows=methods&${query}`);
    const dialog = await pastSetup(page, `Widget ${query}`);
    await enter(dialog);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await grant(dialog, 'Ads', ['GET']);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'Create');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('dialog', { name: 'Access Token Created' }).waitFor();
    return { page, emails: sim.records().map((r) => r.developerEmails) };
  };

  it('tags: a comma and leaving the box add, as Enter does', async () => {
    const { emails } = await createWith('emailsWidget=tags', async (dialog) => {
      const box = dialog.getByRole('textbox', { name: 'Developer Emails' });
      await box.fill(`${EMAILS[0]},`);
      await box.fill(EMAILS[1] as string);
      await box.blur();
      const tags = dialog.getByRole('list', { name: 'Developer Emails' }).getByRole('listitem');
      await expect.poll(() => tags.count()).toBe(2);
    });
    expect(emails).toEqual([EMAILS]);
  });

  it('chips: a combobox whose Enter creates a chip; no list, Remove buttons', async () => {
    const { emails } = await createWith('emailsWidget=chips', async (dialog) => {
      expect(await dialog.getByRole('textbox', { name: 'Developer Emails' }).count()).toBe(0);
      const box = dialog.getByRole('combobox', { name: 'Developer Emails' });
      for (const email of EMAILS) {
        await box.fill(email);
        await dialog.getByRole('option', { name: `Create "${email}"` }).waitFor();
        await box.press('Enter');
      }
      expect(await dialog.getByRole('list').count()).toBe(1); // only the step indicator
      await dialog.getByRole('button', { name: `Remove ${EMAILS[1]}` }).click();
      await box.fill(EMAILS[1] as string);
      await box.press('Enter');
    });
    expect(emails).toEqual([EMAILS]);
  });

  it('commaList: one <input type=email multiple> takes the list', async () => {
    const { emails } = await createWith('emailsWidget=commaList', async (dialog) => {
      await dialog.getByRole('textbox', { name: 'Developer Emails' }).fill(EMAILS.join(', '));
    });
    expect(emails).toEqual([EMAILS]);
  });

  it('addButton: one input per address, empty rows not submitted', async () => {
    const { emails } = await createWith('emailsWidget=addButton', async (dialog) => {
      const group = dialog.getByRole('group', { name: 'Developer Emails' });
      for (const [i, email] of EMAILS.entries()) {
        await group.getByRole('button', { name: 'Add email' }).click();
        await group.getByRole('textbox', { name: `Email ${i + 1}` }).fill(email);
      }
      await group.getByRole('button', { name: 'Add email' }).click();
      expect(await group.getByRole('textbox').count()).toBe(3);
    });
    expect(emails).toEqual([EMAILS]);
  });

  it('secretNotice: the Auth Token is shown in an alert and a toast before the dialog', async () => {
    const { page } = await createWith('secretNotice=1', async () => {});
    const token = await page
      .getByRole('dialog', { name: 'Access Token Created' })
      .locator('code')
      .nth(1)
      .textContent();
    expect(token?.length).toBeGreaterThan(16);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: token as string })
        .count(),
    ).toBe(1);
  });
});

describe('scenario switches', () => {
  it('set through the server API: nameError, and records over /__sim/', async () => {
    await simApi('POST', '/__sim/scenario', { nameError: 'Names must start with the team code.' });
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1');
    const dialog = wizardOf(page);
    await dialog.getByRole('textbox', { name: 'Token Name' }).fill('Anything');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('Names must start with the team code.');
    expect(await simApi('GET', '/__sim/records')).toEqual([]);
    await simApi('POST', '/__sim/reset');
    expect(await simApi('GET', '/__sim/scenario')).toEqual({ latency: { min: 0, max: 20 } });
  });

  it('confirmStep asks "Create this token?" before creating', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1&confirmStep=1&scopeRows=methods');
    const dialog = await pastSetup(page, 'Confirmed Token');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await grant(dialog, 'Ads', ['GET']);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'Create');
    const create = dialog.getByRole('button', { name: 'Create', exact: true });
    const confirm = page.getByRole('alertdialog', { name: 'Create this token?' });
    await create.click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(sim.records()).toEqual([]);
    await create.click();
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('dialog', { name: 'Access Token Created' }).waitFor();
    expect(sim.records().map((r) => r.name)).toEqual(['Confirmed Token']);
  });

  it('labels, missing and partial scopes, extra categories (via ?sim= JSON)', async () => {
    const sim = {
      renameLabel: { key: 'tokenName', to: 'Token Title' },
      emailsLabel: 'Additional developer emails',
      missingScope: { category: 'Actions', method: 'DELETE' },
      partialMethods: { Ads: ['GET'] },
      extraCategories: 46,
      scopeRows: 'methods',
    };
    const page = await visit(
      SIM_PATHS.partnerApi,
      `?openWizard=1&sim=${encodeURIComponent(JSON.stringify(sim))}`,
    );
    const dialog = wizardOf(page);
    expect(await dialog.getByRole('textbox', { name: 'Token Name' }).count()).toBe(0);
    await dialog.getByRole('textbox', { name: 'Token Title' }).fill('Many Scopes');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('textbox', { name: 'Additional developer emails' }).waitFor();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expectStep(dialog, 'API Scopes');
    expect(await dialog.getByRole('switch').count()).toBe(60);
    await scopeGroup(dialog, 'Category 046').getByRole('switch').click();
    await scopeGroup(dialog, 'Actions').getByRole('switch').click();
    await scopeGroup(dialog, 'Ads').getByRole('switch').click();
    await scopeGroup(dialog, 'Reports').getByRole('switch').click();
    const methods = (category: string) =>
      scopeGroup(dialog, category).locator('label').allTextContents();
    expect(await methods('Category 046')).toEqual(['GET', 'POST', 'PUT', 'DELETE']);
    expect(await methods('Actions')).toEqual(['GET', 'POST', 'PUT']);
    expect(await methods('Ads')).toEqual(['GET']);
    expect(await methods('Reports')).toEqual(['GET', 'POST', 'PUT', 'DELETE']);
  });

  it('lateReset clears a typed field once, shortly after its step appears', async () => {
    // 1 s leaves room to type first even on a loaded machine.
    const page = await visit(SIM_PATHS.partnerApi, '?openWizard=1&lateReset=description:1000');
    const description = wizardOf(page).getByRole('textbox', { name: 'Description' });
    await description.fill('Typed too early');
    expect(await description.inputValue()).toBe('Typed too early');
    await expect.poll(() => description.inputValue()).toBe('');
    await description.fill('Typed again');
    await page.waitForTimeout(300);
    expect(await description.inputValue()).toBe('Typed again');
  });

  it('lateData delays the controls; account forces the brand page', async () => {
    const page = await visit(SIM_PATHS.partnerApi, '?lateData=700&account=brand');
    expect(new URL(page.url()).pathname).toBe(SIM_PATHS.brandApi);
    const button = page.getByRole('button', { name: 'Create Access Token' });
    expect(await button.count()).toBe(0);
    await button.waitFor();
  });

  it('translates category names on the Japanese page in that variant; serves the older host', async () => {
    const page = await context.newPage();
    await page.goto(
      `https://member.impactradius.com${SIM_PATHS.partnerApi}?openWizard=1&jaCategoryNames=translated&sim=${encodeURIComponent('{"lang":"ja"}')}`,
    );
    const dialog = wizardOf(page, 'アクセス トークンを作成');
    await dialog.getByRole('textbox', { name: 'トークン名' }).fill('翻訳カテゴリ');
    await dialog.getByRole('button', { name: '次へ' }).click();
    await expectStep(dialog, '連絡先情報');
    await dialog.getByRole('button', { name: '次へ' }).click();
    await expectStep(dialog, 'API スコープ');
    await scopeGroup(dialog, 'レポート').getByRole('switch', { name: 'レポート' }).waitFor();
    expect(await scopeGroup(dialog, 'Reports').count()).toBe(0);
  });
});
