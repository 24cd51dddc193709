// @ts-check
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const APP = join(HERE, 'app');
const BUILDS = join(HERE, '.build');
/** Files outside app/ that the bundle depends on (this one holds the build config). */
const SHARED = [join(HERE, 'scenario.ts'), join(HERE, 'wire.ts'), fileURLToPath(import.meta.url)];

/** @type {Promise<{ js: string; css: string }> | undefined} */
let pending;

/**
 * The page's JS and CSS, built with vite once per process and cached on disk under .build/<stamp>
 * where the stamp hashes every source file's path, size and mtime: an unchanged app costs only a
 * directory walk, so startSim stays fast.
 */
export function appBundle() {
  pending ??= load();
  return pending;
}

async function load() {
  const dir = join(BUILDS, await sourceStamp());
  if (!existsSync(join(dir, 'app.js'))) await buildInto(dir);
  const [js, css] = await Promise.all([
    readFile(join(dir, 'app.js'), 'utf8'),
    readFile(join(dir, 'app.css'), 'utf8'),
  ]);
  return { js, css };
}

async function sourceStamp() {
  const files = [...(await readdir(APP, { recursive: true })).map((f) => join(APP, f)), ...SHARED];
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const s = await stat(file);
    if (s.isFile()) hash.update(`${relative(HERE, file)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds into a private temp dir, then renames: concurrent processes never see half a build. */
async function buildInto(dir) {
  const { build } = await import('vite');
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const started = Date.now();
  // Said out loud because it is the one slow step of startSim; a cached start says nothing.
  process.stderr.write('[impact sim] sources changed: building the page with vite…\n');
  await build({
    configFile: false,
    root: APP,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    envDir: false,
    css: { postcss: {} },
    // development: false — otherwise oxc emits jsxDEV calls whenever the calling process has
    // NODE_ENV=development (vite's runnerImport sets it), which production React lacks.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    // Production React, like the real page, whatever NODE_ENV the caller runs under (vitest: test).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: tmp,
      emptyOutDir: true,
      minify: false,
      cssCodeSplit: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: join(APP, 'main.tsx'),
        output: { entryFileNames: 'app.js', assetFileNames: 'app[extname]' },
      },
    },
  });
  // Another process may have finished the same build first; its copy is as good as ours.
  const discard = () => rm(tmp, { recursive: true, force: true });
  if (existsSync(dir)) await discard();
  else await rename(tmp, dir).catch(discard);
  await pruneOldBuilds(dir);
  process.stderr.write(`[impact sim] built in ${Date.now() - started} ms\n`);
}

async function pruneOldBuilds(keep) {
  for (const entry of await readdir(BUILDS)) {
    const path = join(BUILDS, entry);
    if (path !== keep && !entry.includes('.tmp-')) await rm(path, { recursive: true, force: true });
  }
}
