// `npm run build`: builds dist/chrome and dist/firefox from the one source tree, then writes the
// store-ready zips next to them, each named with the manifest's version.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
  const outDir = join(root, 'dist', target);
  const entries = {};
  // Stores zip with a fixed date, so the same source gives the same zip bytes.
  for (const file of filesUnder(outDir).sort()) {
    entries[relative(outDir, file)] = [readFileSync(file), { mtime: new Date('2000-01-01') }];
  }
  const zipPath = join(root, 'dist', `impact-token-helper-${target}-${version}.zip`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  console.log(`built dist/${target}/ and ${relative(root, zipPath)}`);
}
