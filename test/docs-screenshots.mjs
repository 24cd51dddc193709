// Screenshots for the README: the toolbar popup and the in-page panel, in English and Japanese,
// light and dark, on the simulated API page. `node test/docs-screenshots.mjs` writes docs/*.png.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { SIM_PATHS, startSim } from './sim/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const load = async (path) => (await runnerImport(join(root, path))).module;
const { launchWithExtension } = await load('test/e2e/harness/launch.ts');
const { toStorageItems, defaultState } = await load('src/core/stored-state.ts');
const { PresetSchema } = await load('src/core/preset.ts');

const preset = (name, nameTemplate, description, scopes) => ({
  id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  name,
  nameTemplate,
  description,
  version: 'latest',
  primaryContact: '',
  developerEmails: ['data-team@acme.example'],
  scopes,
  updatedAt: '2026-11-20T09:00:00.000Z',
});
const PRESETS = [
  preset('Reporting (read-only)', '{account}-reporting-{date}', 'Nightly reporting export.', [
    { category: 'Reports', methods: ['GET'] },
    { category: 'Actions', methods: ['GET'] },
    { category: 'Clicks', methods: ['GET'] },
  ]),
  preset('Conversions sync', 'conversions-sync-{date}', 'Server-to-server conversions.', [
    { category: 'Conversions', methods: ['GET', 'POST'] },
    { category: 'Actions', methods: ['GET', 'PUT'] },
  ]),
];

const sim = await startSim();
const written = [];
try {
  for (const lang of ['en', 'ja']) {
    for (const scheme of ['light', 'dark']) {
      const ext = await launchWithExtension('chromium', {
        simPort: sim.port,
        lang,
        // Applies to every frame, including the panel's extension iframe (another process).
        chromiumArgs: [`--blink-settings=preferredColorScheme=${scheme === 'dark' ? 0 : 1}`],
      });
      try {
        const presets = PRESETS.map((p) => PresetSchema.parse(p));
        const state = { ...defaultState(), presets, defaultPresetId: presets[0].id };
        const seeder = await ext.openExtensionPage('src/helper/index.html?docs-seed=1');
        await seeder.evaluate(async (items) => {
          const g = globalThis;
          await (g.browser ?? g.chrome).storage.sync.set(items);
        }, toStorageItems(state));
        await seeder.close();

        const page = await ext.openPage(
          `https://app.impact.com${SIM_PATHS.partnerApi}?lang=${lang}`,
        );
        await new Promise((r) => setTimeout(r, 2000));
        const panel = join(root, 'docs', `panel-${lang}-${scheme}.png`);
        await page.screenshot({ path: panel });
        written.push(panel);

        // The toolbar popup is the same page; Chrome caps popups at 800×600.
        const popup = await ext.openHelper(page);
        await popup.setViewport({ width: 400, height: 600 });
        await new Promise((r) => setTimeout(r, 800));
        const popupPath = join(root, 'docs', `popup-${lang}-${scheme}.png`);
        await popup.screenshot({ path: popupPath });
        written.push(popupPath);
      } finally {
        await ext.close();
      }
    }
  }
} finally {
  await sim.close();
}
for (const path of written) console.log(path);
