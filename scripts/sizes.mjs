// Sizes of what ships, raw and gzipped, found by walking the built manifest's import graph:
// the content script's chunks (its loader, static imports and on-demand imports), the helper
// page (HTML, scripts, CSS) and both zips. `node scripts/sizes.mjs` prints them; the benchmark
// imports measureSizes().
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;

/** Every chunk reachable from `entry` (a path inside dist), following static and dynamic imports. */
function chunkGraph(dist, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const refs = [
      ...code.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g),
    ].map((m) => normalize(join(dirname(file), m[1])));
    // crxjs's loader imports the real entry through runtime.getURL("assets/…").
    const urls = [...code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]);
    for (const ref of [...refs, ...urls]) visit(ref);
  };
  visit(entry);
  return [...seen];
}

const sized = (dist, files) => {
  const rows = files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files: rows,
    raw: rows.reduce((n, r) => n + r.raw, 0),
    gzip: rows.reduce((n, r) => n + r.gzip, 0),
  };
};

export function measureSizes(target = 'chrome') {
  const dist = join(root, 'dist', target);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const contentEntries = manifest.content_scripts.flatMap((c) => c.js);
  // What every impact.com page load parses, and what the content script imports when a run,
  // capture or page report needs it (the driver, src/content/load-driver.ts).
  const content = sized(dist, contentEntries);
  const reachable = [...new Set(contentEntries.flatMap((e) => chunkGraph(dist, e)))];
  const onDemandFiles = reachable.filter((f) => !contentEntries.includes(f));
  if (existsSync(join(dist, 'driver.js')) && !onDemandFiles.includes('driver.js'))
    onDemandFiles.push('driver.js');
  const onDemand = sized(dist, onDemandFiles);

  const helperHtml = manifest.action.default_popup;
  const html = readFileSync(join(dist, helperHtml), 'utf8');
  // Root-relative ("/assets/…") paths are relative to the extension's root.
  const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    m[1].startsWith('/') ? m[1].slice(1) : normalize(join(dirname(helperHtml), m[1])),
  );
  const helperFiles = new Set([helperHtml]);
  for (const asset of assets) {
    if (asset.endsWith('.css')) helperFiles.add(asset);
    else for (const f of chunkGraph(dist, asset)) helperFiles.add(f);
  }
  const helper = sized(dist, [...helperFiles]);

  const zips = readdirSync(join(root, 'dist'))
    .filter((f) => f.endsWith('.zip'))
    .map((f) => ({ file: f, raw: readFileSync(join(root, 'dist', f)).length }));
  return { target, content, onDemand, helper, zips };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const target of ['chrome', 'firefox']) {
    const s = measureSizes(target);
    console.log(
      `\n${target}: content script (every page load) ${s.content.raw} B raw, ${s.content.gzip} B gzipped`,
    );
    for (const f of s.content.files) console.log(`  ${f.file}  ${f.raw} / ${f.gzip}`);
    console.log(
      `${target}: driver (imported on a run) ${s.onDemand.raw} B raw, ${s.onDemand.gzip} B gzipped`,
    );
    for (const f of s.onDemand.files) console.log(`  ${f.file}  ${f.raw} / ${f.gzip}`);
    console.log(`${target}: helper page ${s.helper.raw} B raw, ${s.helper.gzip} B gzipped`);
    for (const f of s.helper.files) console.log(`  ${f.file}  ${f.raw} / ${f.gzip}`);
  }
  for (const z of measureSizes().zips) console.log(`zip ${z.file} ${z.raw} B`);
}
