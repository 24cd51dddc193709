import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type Rolldown, runnerImport } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { deriveManifest, type TargetBrowser } from './scripts/derive-manifest.ts';

// One build per browser: TARGET=chrome|firefox (scripts/build.mjs runs both).
const target = (process.env.TARGET ?? 'chrome') as TargetBrowser;

/**
 * Ships the preset pack's JSON Schema in every build, from the same zod schema import uses.
 * src/core is loaded through Vite's module runner, as the extension's own code is, rather than
 * imported by this config (Node would not resolve core's extensionless imports).
 */
const presetPackSchema = (): Plugin => ({
  name: 'preset-pack-schema',
  async generateBundle() {
    const { module: pack } = await runnerImport<typeof import('./src/core/pack.ts')>(
      new URL('./src/core/pack.ts', import.meta.url).pathname,
      { configFile: false, logLevel: 'warn' },
    );
    const { packJsonSchema } = pack;
    this.emitFile({
      type: 'asset',
      fileName: 'preset-pack.schema.json',
      source: `${JSON.stringify(packJsonSchema(), null, 2)}\n`,
    });
  },
});

/** DRIVER_MINIFY=0 builds a readable driver, for a CPU profile with real function names. */
const readableDriver = process.env.DRIVER_MINIFY === '0';

/**
 * The driver the content script imports on demand (src/content/load-driver.ts), built as one
 * self-contained ES module and emitted as `driver.js` before crxjs checks the manifest's
 * web-accessible resources: no chunk it shares with anything, nothing a page load parses.
 */
const onDemandDriver = (): Plugin => ({
  name: 'on-demand-driver',
  async generateBundle() {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        write: false,
        target: 'es2022',
        minify: !readableDriver,
        modulePreload: false,
        copyPublicDir: false,
        // Library builds leave ES output unminified unless asked in the output options.
        rolldownOptions: { output: { minify: !readableDriver } },
        lib: {
          entry: new URL('./src/content/driver-module.ts', import.meta.url).pathname,
          formats: ['es'],
          fileName: () => 'driver.js',
        },
      },
    });
    const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = output?.output.find((o) => o.type === 'chunk');
    if (!chunk) throw new Error('the on-demand driver did not build');
    this.emitFile({ type: 'asset', fileName: 'driver.js', source: chunk.code });
  },
});

export default defineConfig({
  plugins: [
    onDemandDriver(),
    preact(),
    crx({
      // biome-ignore lint/suspicious/noExplicitAny: crxjs types the manifest more narrowly than JSON import
      manifest: deriveManifest(baseManifest as any, target) as any,
      browser: target,
      // The content script runs on every impact.com page: one self-contained file (IIFE), so it
      // shares no chunks with the helper/background (their code would ride along), needs no
      // loader or Vite preload helper, and exposes no chunk files to pages (src/page/README.md).
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
    presetPackSchema(),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Extension code is loaded from disk; readable stack traces in bug reports beat a few bytes.
    minify: true,
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      output: {
        // Rolldown would otherwise merge every shared module into one common chunk, and the
        // content script (10 KB gzipped budget, loaded on every impact.com page) would load zod
        // and Preact with it. Their own chunks are loaded only by the pages that use them.
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod/ },
            { name: 'preact', test: /node_modules[\\/]preact/ },
          ],
        },
      },
    },
  },
  legacy: { skipWebSocketTokenCheck: true },
});
