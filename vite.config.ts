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
  },
  legacy: { skipWebSocketTokenCheck: true },
});
