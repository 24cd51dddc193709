// `npm run build`: builds dist/chrome and dist/firefox from the one source tree, then writes the
// store-ready zips next to them, each named with the manifest's version, and the source archive
// addons.mozilla.org asks for with a bundled extension (README: "For store reviewers").
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

function filesUnder(dir, skip = () => false) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip(path)) return [];
    return statSync(path).isDirectory() ? filesUnder(path, skip) : [path];
  });
}

// Stores zip with a fixed date, so the same source gives the same zip bytes.
const FIXED_DATE = { mtime: new Date('2000-01-01') };

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
  const outDir = join(root, 'dist', target);
  const entries = {};
  for (const file of filesUnder(outDir).sort()) {
    entries[relative(outDir, file)] = [readFileSync(file), FIXED_DATE];
  }
  const zipPath = join(root, 'dist', `impact-token-helper-${target}-${version}.zip`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  console.log(`built dist/${target}/ and ${relative(root, zipPath)}`);
}

/**
 * The sources a reviewer rebuilds from: every file git tracks or would track (so also new files
 * not yet committed, never ignored ones: node_modules/, dist/, test output). The lockfile is in
 * it, so `npm ci && npm run build` installs the exact dependencies and gives the same dist/firefox.
 * Built from an unpacked source archive (no git), it is the tree less what .gitignore names.
 */
const NOT_SOURCE =
  /^(node_modules|dist|\.git|\.bench|\.demo|test-results|\.e2e-tmp|\.test-results)(\/|$)|\.log$/;

function sourceFiles() {
  let listed;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).split('\0');
  } catch {
    listed = filesUnder(root, (path) => NOT_SOURCE.test(relative(root, path))).map((file) =>
      relative(root, file),
    );
  }
  // Regular files only: a tracked file deleted in the work tree is not a source any more, and a
  // node_modules symlink (as in a git worktree sharing its dependencies) slips past `node_modules/`.
  const isSource = (path) =>
    !NOT_SOURCE.test(path) && existsSync(join(root, path)) && lstatSync(join(root, path)).isFile();
  return [...new Set(listed.filter((path) => path && isSource(path)))].sort();
}

const sources = {};
for (const path of sourceFiles()) sources[path] = [readFileSync(join(root, path)), FIXED_DATE];
const sourcePath = join(root, 'dist', `impact-token-helper-source-${version}.zip`);
writeFileSync(sourcePath, zipSync(sources, { level: 9 }));
console.log(`wrote ${relative(root, sourcePath)} (${Object.keys(sources).length} files)`);
