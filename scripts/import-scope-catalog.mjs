// Regenerates src/core/data/public-scope-catalog.json from the team's extract of impact.com's
// published OpenAPI documents (shared/reference/impact-scope-catalog.json), keeping only what the
// helper uses: category names and each endpoint's method, path and summary. The helper shows this
// list until the wizard's own list has been read.
//   node scripts/import-scope-catalog.mjs [path/to/impact-scope-catalog.json]
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const source = process.argv[2] ?? `${root}../shared/reference/impact-scope-catalog.json`;
const input = JSON.parse(readFileSync(source, 'utf8'));

const side = ({ apiVersion, categories }) => ({
  apiVersion,
  categories: categories.map((c) => ({
    category: c.name,
    endpoints: c.endpoints.map(({ method, path, summary }) => ({ method, path, summary })),
  })),
});

const out = {
  source: input.source,
  sourceRepository: input.sourceRepository,
  sourceCommit: input.sourceCommit,
  partner: side(input.partner),
  brand: side(input.brand),
};
writeFileSync(
  `${root}src/core/data/public-scope-catalog.json`,
  `${JSON.stringify(out, null, 1)}\n`,
);
console.log('wrote src/core/data/public-scope-catalog.json');
