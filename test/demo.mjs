// `npm run demo`: try the extension without an impact.com account. Builds it, starts the simulated
// impact.com on loopback, seeds a team preset, and opens a browser with the extension loaded on the
// API page.
//   npm run demo                      Chromium window (needs a display)
//   npm run demo -- --browser firefox Firefox window
//   npm run demo -- --headless        no window: screenshots of each step under .demo/, and the
//                                     store listing's screenshots (1280×800, en and ja) under
//                                     .demo/store/; paths printed
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { SIM_PATHS, startSim } from './sim/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const browserName = args[args.indexOf('--browser') + 1] === 'firefox' ? 'firefox' : 'chromium';
const outDir = join(root, '.demo');

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found for a browser window. Run `npm run demo -- --headless` instead.');
  process.exit(2);
}

const built = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const load = async (path) => (await runnerImport(join(root, path))).module;
const { launchWithExtension } = await load('test/e2e/harness/launch.ts');
const { toStorageItems, defaultState } = await load('src/core/stored-state.ts');
const { PresetSchema } = await load('src/core/preset.ts');
// The launcher's shadow root is closed: the panel frame is reached as the e2e tests reach it.
const { panelFrame } = await load('test/e2e/support/helper-ui.ts');

/** A preset a team lead would share: read-only reporting, the safe default impact.com advises. */
const DEMO_PRESET = {
  id: 'demo-reporting',
  name: 'Reporting (read-only)',
  nameTemplate: '{account}-reporting-{date}',
  description: 'Nightly reporting export. GET only.',
  version: 'latest',
  primaryContact: '',
  developerEmails: ['data-team@acme.example'],
  scopes: [
    { category: 'Reports', methods: ['GET'] },
    { category: 'Actions', methods: ['GET'] },
    { category: 'Clicks', methods: ['GET'] },
  ],
  updatedAt: new Date().toISOString(),
};

const sim = await startSim();
const ext = await launchWithExtension(browserName, { simPort: sim.port, headless });

// Seed the preset the way the helper stores it, and make it the default.
// Parsed as the helper does before it stores a preset (defaults filled in: endpoints, emails).
const demoPreset = PresetSchema.parse(DEMO_PRESET);
const state = { ...defaultState(), presets: [demoPreset], defaultPresetId: demoPreset.id };
const seeder = await ext.openExtensionPage('src/helper/index.html?demo-seed=1');
await seeder.evaluate(async (items) => {
  const g = globalThis;
  await (g.browser ?? g.chrome).storage.sync.set(items);
}, toStorageItems(state));
await seeder.close();

const page = await ext.openPage(`https://app.impact.com${SIM_PATHS.partnerApi}`);
console.log(
  `\nThe simulated impact.com API page is open in ${browserName}, with the helper beside it.`,
);

if (!headless) {
  console.log('Choose a preset in the helper, then "Fill form" or "Fill and create".');
  console.log('Close the browser window to stop the demo.');
  await new Promise((resolve) => ext.browser.once('disconnected', resolve));
  await sim.close();
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const shots = [];
const shoot = async (target, name) => {
  const file = name.startsWith('store-')
    ? join('store', `${name}.png`)
    : `${String(shots.length + 1).padStart(2, '0')}-${name}.png`;
  const path = join(outDir, file);
  await target.screenshot({ path });
  shots.push(path);
};
const byRole = (role, name) => `::-p-aria(${name}[role="${role}"])`;
const status = (helper) => helper.$eval('[role="status"]', (el) => el.textContent ?? '');
const waitForStatus = async (helper, pattern) => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = await status(helper);
    if (pattern.test(text) || /Stopped:/.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`status never matched ${pattern}: ${await status(helper)}`);
};

try {
  await page.waitForSelector(byRole('button', 'Create Access Token'));
  await new Promise((r) => setTimeout(r, 1500)); // let the panel slide in and render
  await shoot(page, 'api-page-with-helper-panel');

  // The popped-out helper drives the same tab; its home view lists the team's preset.
  const helper = await ext.openHelper(page);
  await helper.setViewport({ width: 440, height: 1100 });
  await helper.waitForSelector(byRole('button', 'Fill form'));
  await shoot(helper, 'helper-with-team-preset');

  await helper.click(byRole('button', 'Fill form'));
  console.log(`Fill form: ${await waitForStatus(helper, /Ready for review/)}`);
  await shoot(helper, 'helper-run-ready-for-review');
  await page.bringToFront();
  await shoot(page, 'wizard-4-create-ready-for-review');
  for (const [step, name] of [
    ['3', 'api-scopes'],
    ['2', 'contact-information'],
    ['1', 'setup'],
  ]) {
    await page.click(byRole('button', 'Back'));
    await new Promise((r) => setTimeout(r, 700)); // the page's own step latency (150-400 ms)
    await shoot(page, `wizard-${step}-${name}`);
  }

  await helper.bringToFront();
  // From the run view back to the preset's card, then its second action.
  await helper.click(byRole('button', 'Back'));
  await helper.click(byRole('button', 'Fill and create'));
  console.log(`Fill and create: ${await waitForStatus(helper, /Token created/)}`);
  await page.bringToFront();
  await shoot(page, 'token-created');
  const [record] = sim.records();
  console.log('The simulated backend recorded:', JSON.stringify(record, null, 2));
} finally {
  await ext.close();
}

/**
 * The store listings' screenshots: 1280×800 (what the Chrome Web Store and addons.mozilla.org
 * ask for), in English and Japanese, in Chromium (the Firefox here has no Japanese language
 * pack). The person's view: the API page with the helper docked beside it, then the wizard filled
 * from the preset, on its Create step, ready for review.
 */
const STORE_SIZE = { width: 1280, height: 800 };
const messages = (lang) =>
  JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));

async function storeScreenshots(lang) {
  const m = messages(lang);
  const store = await launchWithExtension('chromium', { simPort: sim.port, lang, headless: true });
  try {
    const seed = await store.openExtensionPage('src/helper/index.html?demo-seed=1');
    await seed.evaluate(async (items) => {
      const g = globalThis;
      await (g.browser ?? g.chrome).storage.sync.set(items);
    }, toStorageItems(state));
    await seed.close();
    sim.reset();
    const api = await store.openPage(`https://app.impact.com${SIM_PATHS.partnerApi}?lang=${lang}`);
    await api.setViewport(STORE_SIZE);
    const panel = await panelFrame(api);
    const fill = await panel.waitForSelector(
      `${byRole('button', m.fillForm.message)}:not([disabled])`,
    );
    await new Promise((r) => setTimeout(r, 1000)); // the panel slides in
    await shoot(api, `store-${lang}-1-helper-beside-the-page`);
    await fill.click();
    await panel.waitForFunction(
      (done) => document.querySelector('[role="status"]')?.textContent === done,
      { timeout: 60_000 },
      m.runReady.message,
    );
    await shoot(api, `store-${lang}-2-ready-for-review`);
  } finally {
    await store.close();
  }
}

try {
  mkdirSync(join(outDir, 'store'), { recursive: true });
  for (const lang of ['en', 'ja']) await storeScreenshots(lang);
} finally {
  console.log('\nScreenshots:');
  for (const path of shots) console.log(`  ${path}`);
  await sim.close();
}
