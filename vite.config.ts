import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { deriveManifest, type TargetBrowser } from './scripts/derive-manifest.ts';

// One build per browser: TARGET=chrome|firefox (scripts/build.mjs runs both).
const target = (process.env.TARGET ?? 'chrome') as TargetBrowser;

export default defineConfig({
  plugins: [
    preact(),
    // biome-ignore lint/suspicious/noExplicitAny: crxjs types the manifest more narrowly than JSON import
    crx({ manifest: deriveManifest(baseManifest as any, target) as any, browser: target }),
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
