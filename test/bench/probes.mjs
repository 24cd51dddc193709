// Detection latency and the content script's cost on pages that are not the API page.

const SETTINGS = 'https://app.impact.com/secure/mediapartner/accountSettings';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;

/** Clicks the settings navigation link named `text` (the app's own pushState navigation). */
const clickNav = (text) => {
  const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === text);
  if (!link) throw new Error(`no navigation link ${text}`);
  link.click();
};

/**
 * From a client-side route change (General -> API through the settings navigation) to the
 * launcher's host element in the DOM, timed inside the page: performance.now() just before the
 * click, and a MutationObserver of the page's own world noting when the page's "Create Access
 * Token" button and the extension's <impact-token-helper> appear. The page runs with latency 0,
 * so its own data load does not dominate; what the page itself takes to show the button is
 * reported beside it. Between runs the page goes back to General and the launcher must go.
 */
export async function measureDetection(ext, runs) {
  const page = await ext.openPage(`${SETTINGS}/mp-general.ihtml?latency=0`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('nav a')].some((a) => a.textContent.trim() === 'API'),
  );
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const link = [...document.querySelectorAll('nav a')].find(
            (a) => a.textContent.trim() === 'API',
          );
          const hasButton = () =>
            [...document.querySelectorAll('button')].some(
              (b) => b.textContent.trim() === 'Create Access Token',
            );
          let t0 = 0;
          let ready = null;
          const done = () => {
            observer.disconnect();
            resolve({ ready: ready - t0, launcher: performance.now() - t0 });
          };
          const observer = new MutationObserver(() => {
            ready ??= hasButton() ? performance.now() : null;
            if (document.querySelector('impact-token-helper')) done();
          });
          observer.observe(document.documentElement, { subtree: true, childList: true });
          setTimeout(() => reject(new Error('no launcher within 5 s')), 5000);
          t0 = performance.now();
          link.click();
        }),
    );
    results.push(r);
    await page.evaluate(clickNav, 'General');
    await page.waitForFunction(() => !document.querySelector('impact-token-helper'));
  }
  await page.close();
  const launcher = results.map((r) => r.launcher);
  return {
    median_ms: round1(median(launcher)),
    max_ms: round1(Math.max(...launcher)),
    page_ready_median_ms: round1(median(results.map((r) => r.ready))),
    after_page_ready_median_ms: round1(median(results.map((r) => r.launcher - r.ready))),
    runs: results.map((r) => ({ launcher_ms: round1(r.launcher), page_ready_ms: round1(r.ready) })),
  };
}

const SECTIONS = ['Users', 'Notifications', 'Tracking', 'Postbacks', 'Payment Settings', 'General'];

/** A non-API page: a load of Settings -> General, then six client-side moves between sections. */
async function walkSections(page, goto) {
  await goto(`${SETTINGS}/mp-general.ihtml`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('nav a')].some((a) => a.textContent.trim() === 'Users'),
  );
  for (const section of [...SECTIONS, ...SECTIONS]) {
    await page.evaluate(clickNav, section);
    await new Promise((r) => setTimeout(r, 60));
  }
}

/** Sums a Chromium trace's main-thread events that belong to the extension's content script. */
function contentScriptWork(events, origin) {
  let callbacks = 0;
  let scriptUs = 0;
  let loadUs = 0;
  for (const e of events) {
    const args = JSON.stringify(e.args ?? {});
    const ours = args.includes(origin) || e.args?.worldName === 'impact.com Token Helper';
    if (!ours || e.ph !== 'X') continue;
    if (e.name === 'FunctionCall') {
      callbacks++;
      scriptUs += e.dur;
    } else if (['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule'].includes(e.name)) {
      scriptUs += e.dur;
      loadUs += e.dur;
    }
  }
  return { callbacks, script_ms: round1(scriptUs / 1000), load_ms: round1(loadUs / 1000) };
}

/**
 * The content script's work on Settings pages that are not the API page. Primary: a CDP trace of
 * the extension's browser, counting the main-thread events attributed to the content script (its
 * scripts' URLs, or its isolated world): loading it (EvaluateScript, module compile/evaluate) and
 * every callback it runs (FunctionCall). Promise continuations are not attributed by the trace.
 * Cross-check: Performance.getMetrics ScriptDuration of the same walk with and without the
 * extension (whole-page script time, so the page's React work dominates and noise is large).
 */
export async function measureIdleCost(ext, launchPlain, repeats) {
  const page = await ext.browser.newPage();
  await page.tracing.start({
    categories: ['devtools.timeline', 'v8.execute', 'v8', 'disabled-by-default-devtools.timeline'],
  });
  await walkSections(page, (url) => page.goto(url, { waitUntil: 'load' }));
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  await page.close();
  const work = contentScriptWork(trace.traceEvents ?? trace, ext.extensionOrigin);

  // The same walk, driven the same way (puppeteer), in Chromium with and without the extension.
  const plain = await launchPlain();
  const scriptMs = async (browser) => {
    const p = await browser.newPage();
    await walkSections(p, (url) => p.goto(url, { waitUntil: 'load' }));
    const ms = (await p.metrics()).ScriptDuration * 1000;
    await p.close();
    return ms;
  };
  const withExt = [];
  const without = [];
  for (let i = 0; i < repeats; i++) {
    withExt.push(await scriptMs(ext.browser));
    without.push(await scriptMs(plain));
  }
  await plain.close();
  return {
    navigations: SECTIONS.length * 2,
    trace: work,
    script_duration: {
      with_extension_ms: round1(median(withExt)),
      without_extension_ms: round1(median(without)),
      runs_with: withExt.map(round1),
      runs_without: without.map(round1),
    },
  };
}

/**
 * Installed in the API page before its scripts run (all subjects): every MutationRecord the page
 * produces is counted, and each change of the wizard's current step is noted with the page's
 * clock and the count so far. So a run's DOM mutations are the records between the wizard's
 * Setup step appearing and the Create step last becoming current: the page's own re-renders in
 * answer to what the subject did (the subject's reads cause none).
 */
export function pageProbe() {
  const probe = { mutations: 0, steps: [] };
  window.__benchProbe = probe;
  new MutationObserver((records) => {
    probe.mutations += records.length;
    const step = document.querySelector('[role=dialog] [aria-current=step]')?.textContent?.trim();
    if (step && step !== probe.steps.at(-1)?.step)
      probe.steps.push({ step, at: performance.now(), mutations: probe.mutations });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** The probe's reading of one fill: mutations in the window, and each step's entry time. */
export const probeReading = (page) =>
  page.evaluate(() => {
    const { steps, mutations } = window.__benchProbe ?? { steps: [], mutations: 0 };
    const first = steps.find((s) => s.step === 'Setup');
    const last = steps.findLast((s) => s.step === 'Create');
    return {
      mutations: first && last ? last.mutations - first.mutations : null,
      all_mutations: mutations,
      steps: steps.map((s) => `${s.step}@${Math.round(s.at - (first?.at ?? 0))}`),
    };
  });

/**
 * Installed in the helper page: keeps each run's outcome as the content script sent it over the
 * run port ({ type: 'done', outcome }), whose `readBack` says which read-back path ran.
 */
export function outcomeTap() {
  if (window.__benchOutcomes) return;
  const outcomes = [];
  window.__benchOutcomes = outcomes;
  for (const ns of new Set([globalThis.chrome, globalThis.browser].filter(Boolean))) {
    const tabs = ns.tabs;
    const connect = tabs?.connect;
    if (typeof connect !== 'function') continue;
    const call = connect.bind(tabs);
    Object.defineProperty(tabs, 'connect', {
      configurable: true,
      writable: true,
      value: (...args) => {
        const port = call(...args);
        port.onMessage.addListener((m) => {
          if (m?.type === 'done') outcomes.push(m.outcome);
        });
        return port;
      },
    });
  }
}

/**
 * `--profile`: main-thread time during one extension run, by whose code it was: the driver's
 * (the extension's scripts), the page's (the simulation's app.js) or neither (idle, garbage
 * collection, rendering). A sample in a built-in function (querySelectorAll, checkVisibility…)
 * counts for the script that called it. CDP's sampling profiler; the numbers are estimates.
 */
export async function profileRun(page, run) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ownerOf = (node) => {
    for (let n = node; n; n = parent.get(n.id)) {
      const url = n.callFrame.url;
      if (/-extension:\/\//.test(url)) return 'extension_ms';
      if (url.includes('/assets/sim/')) return 'page_ms';
    }
    return 'other_ms';
  };
  const ms = { extension_ms: 0, page_ms: 0, other_ms: 0 };
  profile.samples.forEach((id, i) => {
    ms[ownerOf(byId.get(id))] += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return { result, ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])) };
}
