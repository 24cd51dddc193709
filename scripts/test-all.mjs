// `npm test`: every check in order, stopping at the first failure, then one plain closing line
// "N passed, N failed" summing every suite (CI reads that line, not vitest's own).
// Vitest suites are counted per test from their JSON reports; each other check counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const vitest = (name, args, env = {}) => ({
  name,
  cmd: [
    'npx',
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, `${name}.json`)}`,
  ],
  env,
  report: join(reports, `${name}.json`),
});

const e2e = ['--config', 'vitest.e2e.config.ts'];
const stages = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: ['npx', 'biome', 'check', '.'] },
  vitest('unit', []),
  { name: 'build', cmd: ['node', 'scripts/build.mjs'] },
  { name: 'web-ext lint', cmd: ['npx', 'web-ext', 'lint', '--source-dir', 'dist/firefox'] },
  vitest('simulation (chromium)', [...e2e, 'test/sim']),
  // The README's demo, headless: it rotted unnoticed once (a preset shape change), so CI runs it.
  { name: 'demo (headless)', cmd: ['node', 'test/demo.mjs', '--headless'] },
  // The bench is a script, not a test, but it rotted unnoticed too (the helper's home view): one
  // quick round checks that every subject still fills the wizard as asked. Its figures are not
  // the bench's (one round, CI's machine); `npm run bench` is.
  { name: 'bench (quick round)', cmd: ['node', 'test/bench/bench.mjs', '--quick', '--no-build'] },
  vitest('e2e (chromium)', [...e2e, 'test/e2e'], { BROWSER: 'chromium' }),
  vitest('e2e (firefox)', [...e2e, 'test/e2e'], { BROWSER: 'firefox' }),
];

let passed = 0;
let failed = 0;
for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  });
  const ok = run.status === 0;
  if (stage.report && existsSync(stage.report)) {
    const r = JSON.parse(readFileSync(stage.report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A suite that failed to load has no failed tests but must still count as a failure.
    if (!ok && r.numFailedTests === 0) failed += 1;
    if (r.numTotalTests === 0) {
      console.log(`${stage.name}: ran no test`);
      failed += 1;
    }
  } else if (ok) {
    passed += 1;
  } else {
    failed += 1;
  }
  console.log(
    `=== ${stage.name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!ok) break;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
