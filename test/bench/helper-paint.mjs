// Time from opening the helper page (what the toolbar popup loads) to its first paint and to the
// form being usable, by the helper page's own clock (Paint Timing, and a poll set up before any
// of its scripts run). The helper is popped out as a person does (the background opens its tab),
// then that tab is reloaded with the poll in place: each run measures a load of the helper page.
// `node test/bench/helper-paint.mjs [runs]`; needs a build.
import { join } from 'node:path';
import { runnerImport } from 'vite';
import { SIM_PATHS, startSim } from '../sim/server.mjs';

const root = new URL('../..', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 9);
const { module: harness } = await runnerImport(join(root, 'test/e2e/harness/launch.ts'));
const sim = await startSim();
const ext = await harness.launchWithExtension('chromium', { simPort: sim.port });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const api = await ext.openPage(`https://app.impact.com${SIM_PATHS.partnerApi}`);
  const fcp = [];
  const usable = [];
  for (let i = 0; i < runs; i++) {
    const page = await ext.openHelper(api);
    await page.setViewport({ width: 400, height: 600 });
    await page.evaluateOnNewDocument(() => {
      // The form is usable once the run button exists and is enabled (page info has arrived).
      // A 4 ms poll: this runs only in the measurement, never in the extension.
      const timer = setInterval(() => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === 'Fill form' && !b.disabled,
        );
        if (!button) return;
        globalThis.__usableAt = performance.now();
        clearInterval(timer);
      }, 4);
    });
    await page.reload();
    await page.waitForFunction(() => globalThis.__usableAt !== undefined, { timeout: 10_000 });
    const [paint, ready] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      globalThis.__usableAt,
    ]);
    fcp.push(paint);
    usable.push(ready);
    await page.close();
  }
  const out = { runs, first_paint_ms: median(fcp), usable_ms: median(usable), fcp, usable };
  console.log(JSON.stringify(out, null, 2));
} finally {
  await ext.close();
  await sim.close();
}
