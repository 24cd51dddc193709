import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, held by a test rather than by convention: every import in src/ is read and checked
 * against the rules the team works to (see src/core/README.md, src/page/README.md).
 *
 * - core is pure: it imports no other layer, no UI library and no browser API.
 * - page (the only code that knows impact.com's DOM) imports only core.
 * - only platform imports webextension-polyfill.
 * - helper never imports page: it reaches the page through messages, as the browser requires.
 * - nothing imports an entry (background, content) from another layer.
 */

const SRC = join(import.meta.dirname, '../../src');
const LAYERS = ['core', 'page', 'platform', 'helper', 'content', 'background'] as const;
type Layer = (typeof LAYERS)[number];

interface SourceFile {
  /** Path under src/, with forward slashes, e.g. "core/plan.ts". */
  path: string;
  text: string;
}

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

// Static imports and re-exports (possibly spread over lines), side-effect imports, import().
const IMPORT_PATTERNS = [
  /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

const importsOf = (text: string): string[] =>
  IMPORT_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] as string));

const layerOf = (path: string): Layer | undefined =>
  LAYERS.find((layer) => path.startsWith(`${layer}/`));

/** What an import points at: another layer of src, a place outside src, or a package. */
type Target = { layer: Layer } | { outside: string } | { pkg: string };

function targetOf(file: string, specifier: string): Target {
  if (!specifier.startsWith('.')) {
    // "preact/hooks" -> "preact", "@scope/name/x" -> "@scope/name"
    const parts = specifier.split('/');
    return { pkg: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string) };
  }
  const resolved = posix.normalize(posix.join(posix.dirname(file), specifier));
  const layer = layerOf(`${resolved}/`);
  return layer ? { layer } : { outside: resolved };
}

const UI_LIBRARIES = ['preact', 'react', 'react-dom'];
const POLYFILL = 'webextension-polyfill';
const ENTRIES: Layer[] = ['background', 'content'];

/** The rule an import breaks, or undefined. */
function broken(from: Layer, target: Target): string | undefined {
  if ('outside' in target) return `src/${from} imports from outside src/`;
  if ('pkg' in target) {
    if (target.pkg === POLYFILL && from !== 'platform')
      return 'only src/platform imports webextension-polyfill';
    if (from === 'core' && (UI_LIBRARIES.includes(target.pkg) || target.pkg.startsWith('@preact/')))
      return 'src/core imports no UI library';
    return undefined;
  }
  const to = target.layer;
  if (to === from) return undefined;
  if (from === 'core') return `src/core imports no other layer (here: ${to})`;
  if (from === 'page' && to !== 'core') return `src/page imports only core (here: ${to})`;
  if (from === 'helper' && to === 'page') return 'src/helper never imports src/page';
  if (ENTRIES.includes(to)) return `src/${to} is an entry; nothing else imports it`;
  return undefined;
}

function layerViolations(files: readonly SourceFile[]): Violation[] {
  return files.flatMap((file) => {
    const from = layerOf(file.path);
    if (!from) return [];
    return importsOf(file.text).flatMap((specifier) => {
      const rule = broken(from, targetOf(file.path, specifier));
      return rule ? [{ file: file.path, specifier, rule }] : [];
    });
  });
}

// The DOM and the extension APIs are globals, not imports: core must not name them either.
const BROWSER_GLOBALS = [
  /\b(?:document|window|navigator|localStorage|sessionStorage|chrome|browser)\s*[.[]/,
  /\b(?:HTML\w*Element|Element|MutationObserver|EventTarget|KeyboardEvent|requestAnimationFrame)\b/,
];

/** Code without comments (a "//" after ":" is part of a URL in a string, not a comment). */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function coreGlobalViolations(files: readonly SourceFile[]): Violation[] {
  return files.flatMap((file) => {
    if (layerOf(file.path) !== 'core') return [];
    const code = withoutComments(file.text);
    return BROWSER_GLOBALS.flatMap((pattern) => {
      const found = code.match(pattern);
      const rule = 'src/core uses no DOM or browser global';
      return found ? [{ file: file.path, specifier: found[0], rule }] : [];
    });
  });
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    if (!/\.(ts|tsx|mts|js|mjs)$/.test(name)) return [];
    return [{ path: relative(SRC, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }];
  });
}

describe('layers', () => {
  const files = sourceFiles(SRC);

  it('reads the whole source tree, every layer of it', () => {
    const seen = new Set(files.map((f) => layerOf(f.path)));
    expect([...seen].sort()).toEqual([...LAYERS].sort());
    // Unlayered files would escape every rule: each file belongs to one layer.
    expect(files.filter((f) => !layerOf(f.path)).map((f) => f.path)).toEqual([]);
    expect(importsOf(files.map((f) => f.text).join('\n')).length).toBeGreaterThan(200);
  });

  it('finds no import that breaks a layer rule in src/', () => {
    expect(layerViolations(files)).toEqual([]);
  });

  it('finds no DOM or browser global used in src/core', () => {
    expect(coreGlobalViolations(files)).toEqual([]);
  });

  it.each([
    'const el = document.querySelector("x");',
    "browser.storage.local.get('k');",
    'window.setTimeout(f, 1);',
    'if (x instanceof HTMLElement) {}',
  ])('refuses a planted browser global in src/core: %s', (line) => {
    const planted = [{ path: 'core/x.ts', text: `// the document, in order\n${line}\n` }];
    expect(coreGlobalViolations(planted).map((v) => v.rule)).toEqual([
      'src/core uses no DOM or browser global',
    ]);
  });

  it('finds every form of import, including multi-line and dynamic ones', () => {
    const text = [
      "import type { A } from '../page/a';",
      'import {',
      '  b,',
      '  c,',
      "} from '../platform/b';",
      "export * from '../helper/c';",
      "import '../content/d';",
      "const e = await import('../background/e');",
      "export { f } from './f';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      '../page/a',
      '../platform/b',
      '../helper/c',
      './f',
      '../content/d',
      '../background/e',
    ]);
  });

  const plant = (path: string, line: string) => layerViolations([{ path, text: `${line}\n` }]);

  it.each([
    ['core/x.ts', "import { wizard } from '../page/wizard';", 'src/core imports no other layer'],
    ['core/x.ts', "import { t } from '../platform/i18n';", 'src/core imports no other layer'],
    ['core/x.ts', "import { App } from '../helper/app';", 'src/core imports no other layer'],
    ['core/x.ts', "import { h } from 'preact';", 'src/core imports no UI library'],
    ['core/x.ts', "import { useState } from 'preact/hooks';", 'src/core imports no UI library'],
    ['core/x.ts', "import browser from 'webextension-polyfill';", 'only src/platform imports'],
    ['page/x.ts', "import { ext } from '../platform/ext';", 'src/page imports only core'],
    ['page/x.ts', "import { t } from '../helper/run';", 'src/page imports only core'],
    ['helper/x.tsx', "import { runPlan } from '../page/driver';", 'src/helper never imports'],
    ['helper/team/x.tsx', "import { one } from '../../page/locate';", 'src/helper never imports'],
    ['helper/x.tsx', "import type { Browser } from 'webextension-polyfill';", 'only src/platform'],
    ['content/x.ts', "import browser from 'webextension-polyfill';", 'only src/platform'],
    ['platform/x.ts', "import { App } from '../content/index';", 'is an entry'],
    ['core/x.ts', "import data from '../../test/sim/x';", 'outside src/'],
  ])('refuses a planted violation in %s: %s', (path, line, rule) => {
    const found = plant(path, line);
    expect(found).toHaveLength(1);
    expect(found[0]?.rule).toContain(rule);
  });

  it.each([
    ['page/x.ts', "import type { PlanStep } from '../core/plan';"],
    ['helper/team/x.tsx', "import { t } from '../../platform/i18n';"],
    ['platform/x.ts', "import browser from 'webextension-polyfill';"],
    ['content/x.ts', "import { runPlan } from '../page/driver';"],
    ['core/x.ts', "import { z } from 'zod';"],
  ])('allows %s: %s', (path, line) => {
    expect(plant(path, line)).toEqual([]);
  });

  it('names the file of a violation found among many files', () => {
    const found = layerViolations([
      ...files,
      { path: 'helper/planted.tsx', text: "import { wizard } from '../page/wizard';\n" },
    ]);
    expect(found.map((v) => v.file)).toEqual(['helper/planted.tsx']);
  });
});
