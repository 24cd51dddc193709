import type { ElementHandle, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byRole, withSession } from './harness/session.ts';
import { readArea } from './support/ext-storage.ts';
import {
  BROWSER,
  finalStatus,
  listedPresets,
  openApiPage,
  presetCard,
  type SeedPreset,
  seedPresets,
  settle,
} from './support/helper-ui.ts';

// Issue 14: the helper is preset-first. Its first view lists the presets as cards; the person
// picks one and the token is made, the simulation backend's record being the truth. Editing a
// preset is a view of its own, with Save and Cancel.
const s = withSession();

const PRESETS: SeedPreset[] = [
  {
    id: 'ads',
    name: 'Ads admin',
    nameTemplate: 'E2E home ads',
    scopes: [{ category: 'Media Properties', methods: ['GET', 'POST'] }],
  },
  {
    id: 'reporting',
    name: 'Reporting (read-only)',
    nameTemplate: 'E2E home {account} reporting',
    description: 'Read-only reporting export.',
    version: '15',
    scopes: [
      { category: 'Actions', methods: ['GET'] },
      { category: 'Reports', methods: ['GET'] },
    ],
  },
];

let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

/** The toolbar popup's size: Chrome caps a popup at 600 px tall. */
async function popup(): Promise<{ page: Page; helper: Page }> {
  const page = await openApiPage(s);
  await settle(page);
  const helper = await s.ext.openHelper(page);
  pages.push(page, helper);
  await helper.setViewport({ width: 400, height: 600 });
  await helper.waitForSelector(byRole('heading', 'Presets'), { timeout: 45_000 });
  return { page, helper };
}

/** Whether the element is wholly inside the viewport, with the document not scrolled. */
const inViewUnscrolled = (el: ElementHandle) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0;
  });

/** The run view's wizard steps, each as its line reads ("Setup done"). */
async function runSteps(helper: Page): Promise<string[]> {
  const list = await helper.waitForSelector(byRole('list', 'Wizard steps'));
  return (
    list?.evaluate((ol) =>
      [...ol.children].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    ) ?? []
  );
}

const storedPreset = async (id: string) =>
  (await readArea(s.ext, 'sync'))[`preset:${id}`] as Record<string, unknown> | undefined;

describe(`home view (${BROWSER})`, () => {
  it('lists the presets as cards, the default first, saying what each grants', async () => {
    await seedPresets(s, PRESETS, { defaultId: 'reporting' });
    const { helper } = await popup();
    expect(await listedPresets(helper)).toEqual(['Reporting (read-only)', 'Ads admin']);
    const card = await presetCard(helper, 'Ads admin');
    const text = await card.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('Media Properties: all GET, all POST');
    // Write access is said on the card, before anything is run.
    expect(text).toContain('Write access: Media Properties POST');
    expect(
      await (await presetCard(helper, 'Reporting (read-only)')).evaluate((el) => el.textContent),
    ).toContain('API version 15');
  });

  it('creates the token of a picked card in one click, in view without scrolling', async () => {
    await seedPresets(s, PRESETS, { defaultId: 'ads' });
    const { page, helper } = await popup();
    // Not the default: the second card.
    const card = await presetCard(helper, 'Reporting (read-only)');
    const create = await card.waitForSelector(
      `${byRole('button', 'Fill and create')}:not([disabled])`,
      { timeout: 15_000 },
    );
    if (!create) throw new Error('no "Fill and create" on the card');
    expect(await inViewUnscrolled(create)).toBe(true);
    await create.click();
    await page.bringToFront();
    expect(await finalStatus(helper)).toBe('Token created');
    // Back to the helper, as the person is: a background tab's accessibility tree is not kept.
    await helper.bringToFront();
    expect(s.sim.records().map(({ name, version, scopes }) => ({ name, version, scopes }))).toEqual(
      [
        {
          name: 'E2E home Acme Media (1234567) reporting',
          version: 15,
          scopes: [
            { category: 'Actions', methods: ['GET'] },
            { category: 'Reports', methods: ['GET'] },
          ],
        },
      ],
    );
    // The run view: the four steps, all done, and the way to the token list.
    const steps = await runSteps(helper);
    expect(steps).toEqual([
      'Setup done',
      'Contact information done',
      'API scopes done',
      'Create done',
    ]);
    expect(await helper.$(byRole('link', 'Open the token list'))).not.toBeNull();
    // Back: the home view again, its cards there.
    await helper.locator(byRole('button', 'Back')).click();
    await helper.waitForSelector(byRole('heading', 'Presets'));
    expect(await listedPresets(helper)).toEqual(['Ads admin', 'Reporting (read-only)']);
  });

  it('"Fill form" on a card stops for review, the run view saying so', async () => {
    await seedPresets(s, PRESETS);
    const { page, helper } = await popup();
    const card = await presetCard(helper, 'Ads admin');
    const fill = await card.waitForSelector(`${byRole('button', 'Fill form')}:not([disabled])`, {
      timeout: 15_000,
    });
    await fill?.click();
    await page.bringToFront();
    const status = await finalStatus(helper);
    await helper.bringToFront();
    expect(status).toMatch(/Ready for review$/);
    expect(s.sim.records()).toEqual([]);
    expect((await runSteps(helper)).at(-1)).toBe('Create yours to press');
  });

  it("offers the page's contact list (name and email) as choices once a run has shown it", async () => {
    await seedPresets(s, [
      { ...(PRESETS[1] as SeedPreset), primaryContact: 'ben.carter@acme-media.example' },
    ]);
    const { page, helper } = await popup();
    const card = await presetCard(helper, 'Reporting (read-only)');
    await (await card.waitForSelector(`${byRole('button', 'Fill form')}:not([disabled])`))?.click();
    await page.bringToFront();
    expect(await finalStatus(helper)).toMatch(/Ready for review$/);
    await helper.bringToFront();
    // A new preset's Primary contact now lists the account's users the wizard showed.
    await helper.locator(byRole('button', 'Back')).click();
    await helper.locator(byRole('button', 'New preset')).click();
    const box = await helper.waitForSelector(byRole('combobox', 'Primary contact'));
    const choices = await box?.evaluate((el) =>
      [...((el as HTMLInputElement).list?.options ?? [])].map((o) => [o.value, o.label]),
    );
    expect(choices).toEqual([
      ['aiko.tanaka@acme-media.example', 'Aiko Tanaka'],
      ['ben.carter@acme-media.example', 'Ben Carter'],
      ['chloe.dubois@acme-media.example', 'Chloé Dubois'],
      ['diego.ramos@acme-media.example', 'Diego Ramos'],
    ]);
  });

  it('the edit view cancels without saving, and saves', async () => {
    await seedPresets(s, PRESETS);
    const { helper } = await popup();
    const before = await storedPreset('reporting');
    const edit = async () => {
      const card = await presetCard(helper, 'Reporting (read-only)');
      await (await card.waitForSelector(byRole('button', 'Edit')))?.click();
      await helper.waitForSelector(byRole('heading', 'Preset “Reporting (read-only)”'));
    };
    const describe = async (text: string) => {
      const box = await helper.waitForSelector(byRole('textbox', 'Description'));
      await box?.evaluate((el, v) => {
        const input = el as HTMLTextAreaElement;
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
          input,
          v,
        );
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
    };
    const description = () =>
      helper.$eval(byRole('textbox', 'Description'), (el) => (el as HTMLTextAreaElement).value);

    await edit();
    await describe('Changed, then cancelled.');
    await helper.locator(byRole('button', 'Cancel')).click();
    await helper.waitForSelector(byRole('heading', 'Presets'));
    expect(await storedPreset('reporting')).toEqual(before);
    await edit();
    expect(await description()).toBe('Read-only reporting export.');

    await describe('Nightly reporting export.');
    await helper.locator(byRole('button', 'Save changes')).click();
    await helper.waitForFunction(
      () => document.body.textContent?.includes('Saved “Reporting (read-only)”.'),
      { timeout: 10_000 },
    );
    expect(await storedPreset('reporting')).toMatchObject({
      description: 'Nightly reporting export.',
    });
    // Saved is kept: leaving and coming back shows it.
    await helper.locator(byRole('button', 'All presets')).click();
    await edit();
    expect(await description()).toBe('Nightly reporting export.');
  });
});
