// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.impact.com/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml"}
/**
 * The driver against the simulation DOM: test/sim/app's React components (the page the e2e tests
 * serve), rendered with react-dom in happy-dom. Only its backend calls are replaced by an
 * in-memory one; the scenario switches are the simulation's own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicCatalog } from '../../../src/core/public-catalog';
import { withSummaries } from '../../../src/core/scope-catalog';
import type { Scenario } from '../../sim/scenario';
import type { AccountInfo, CreateTokenBody, TokenRow } from '../../sim/wire';
import { request, run } from './helpers';

const backend = vi.hoisted(() => ({
  created: [] as unknown[],
  tokens: [] as { name: string }[],
}));

vi.mock('../../sim/app/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../sim/app/api')>();
  const { pause } = await import('../../sim/app/latency');
  const info: AccountInfo = {
    kind: 'partner',
    name: 'Acme Media',
    id: '1234567',
    versions: [16, 15, 14, 13, 12, 11],
    user: { name: 'Aiko Tanaka', email: 'aiko@acme.example' },
  };
  const users = [
    { name: 'Aiko Tanaka', email: 'aiko@acme.example' },
    { name: 'Ben Ode', email: 'ben@acme.example' },
  ];
  const later = async <T>(value: T) => {
    await pause('api GET');
    return value;
  };
  return {
    ...real,
    api: {
      account: () => later(info),
      users: () => later(users),
      tokens: () => later(backend.tokens as TokenRow[]),
      checkName: async (_name: string) => {
        await pause('api POST check');
        // Read per call: the scenario changes with every (module-resetting) load.
        const refusal = window.__SIM_SERVER_SCENARIO__?.nameError;
        if (refusal) throw new real.ApiRefusal({ code: 'name_refused', message: refusal });
        return { ok: true as const };
      },
      createToken: async (body: CreateTokenBody) => {
        await pause('api POST create');
        backend.created.push(body);
        return {
          accountSid: 'IRsecretSid',
          authToken: 'secret-auth-token',
          token: {
            name: body.name,
            description: body.description,
            version: body.version,
            state: 'active',
            createdAt: '',
          },
        };
      },
    },
  };
});

afterEach(() => {
  document.body.innerHTML = '';
  backend.created = [];
});

/** Boots the simulated API page with `scenario` (read once per load, hence the module reset). */
async function loadSim(scenario: Partial<Scenario>) {
  vi.resetModules();
  window.__SIM_SERVER_SCENARIO__ = { latency: { min: 2, max: 12 }, ...scenario };
  history.replaceState(null, '', '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml');
  const { createElement } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { ApiPage } = await import('../../sim/app/pages/ApiPage');
  const { TopBar } = await import('../../sim/app/shell/TopBar');
  const { lang } = await import('../../sim/app/runtime');
  const { api } = await import('../../sim/app/api');
  document.documentElement.lang = lang;
  document.body.innerHTML = '<div id="root"></div>';
  const info = await api.account();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render([
    createElement(TopBar, { info, key: 't' }),
    createElement(ApiPage, { info, key: 'a' }),
  ]);
  cleanups.push(() => root.unmount());
}

const cleanups: (() => void)[] = [];

/**
 * Records any read of the credentials' text: as soon as the success dialog renders them (this
 * observer was registered before the driver's, so it runs first), their text getters are trapped.
 */
function trapSecrets(): string[] {
  const reads: string[] = [];
  const trap = (node: Node, props: string[], label: string) => {
    for (const prop of props)
      Object.defineProperty(node, prop, {
        get: () => {
          reads.push(`${label}.${prop}`);
          return '';
        },
      });
  };
  const observer = new MutationObserver(() => {
    for (const code of document.querySelectorAll<HTMLElement>('code.credential-value')) {
      if (code.dataset.trapped) continue;
      code.dataset.trapped = '1';
      const text = code.firstChild as Node;
      trap(code, ['textContent', 'innerText', 'innerHTML', 'outerHTML'], 'code');
      trap(text, ['data', 'nodeValue', 'textContent', 'wholeText'], 'text');
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  cleanups.push(() => observer.disconnect());
  return reads;
}
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

const JOB_REPLAY = '/Mediapartners/{AccountSID}/Jobs/{JobId}/Replay';
const REPORTS = '/Mediapartners/{AccountSID}/Reports';

/** Every GET of Jobs, its one PUT endpoint pinned, and one of the four Reports endpoints. */
const full = request({
  version: '15',
  primaryContact: 'ben@acme.example',
  developerEmails: ['dev@acme.example'],
  scopes: [
    { category: 'Jobs', methods: ['GET'], endpoints: [{ method: 'PUT', path: JOB_REPLAY }] },
    { category: 'Reports', endpoints: [{ method: 'GET', path: REPORTS }] },
  ],
  mode: 'create',
});

/** What the simulated backend must receive for `full` (paths from the public catalog). */
const record = {
  name: 'Nightly sync',
  description: 'Reads reports for the warehouse',
  version: 15,
  primaryContact: 'ben@acme.example',
  developerEmails: ['dev@acme.example'],
  // PUT has one endpoint in Jobs, so pinning it ticks the whole method.
  scopes: [
    { category: 'Jobs', methods: ['GET', 'PUT'] },
    { category: 'Reports', methods: [], endpoints: [{ method: 'GET', path: REPORTS }] },
  ],
  grants: [
    'Jobs GET /Mediapartners/{AccountSID}/Jobs',
    'Jobs GET /Mediapartners/{AccountSID}/Jobs/{JobId}',
    'Jobs GET /Mediapartners/{AccountSID}/Jobs/{JobId}/Download',
    `Jobs PUT ${JOB_REPLAY}`,
    `Reports GET ${REPORTS}`,
  ],
};

/** The older page: one checkbox per method. */
const perMethod = request({
  ...full,
  scopes: [
    { category: 'Jobs', methods: ['GET', 'POST'] },
    { category: 'Reports', methods: ['GET'] },
  ],
});
const perMethodRecord = {
  ...record,
  scopes: [
    { category: 'Jobs', methods: ['GET', 'POST'] },
    { category: 'Reports', methods: ['GET'] },
  ],
  grants: ['Jobs GET', 'Jobs POST', 'Reports GET'],
};

const opts = { timeout: 3000 };

// Each test boots the React app in happy-dom: seconds on a loaded 2-core machine.
describe('the scopes step as design systems build it', { timeout: 30_000 }, () => {
  const toggles = ['switch', 'checkbox', 'expand'] as const;
  const layouts = ['group', 'controls', 'sibling'] as const;
  for (const categoryToggle of toggles)
    for (const categoryLayout of layouts)
      it(`category toggle ${categoryToggle}, rows in its ${categoryLayout}`, async () => {
        await loadSim({ categoryToggle, categoryLayout });
        expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
        expect(backend.created).toEqual([record]);
      });

  it('rows as a data table whose checkbox is named by the summary', async () => {
    await loadSim({ endpointRow: 'table' });
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([record]);
  });

  it('paths with camel-case placeholders ({accountSid})', async () => {
    await loadSim({ pathPlaceholders: 'camel', endpointText: 'path' });
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([record]);
  });

  it('rows that show only the summary: without summaries in the request, a refusal', async () => {
    await loadSim({ endpointText: 'summary', endpointRow: 'table' });
    // Nothing on the page names the pinned path: a refusal, never a guess.
    expect(await run(full, opts)).toMatchObject({
      status: 'stopped',
      reason: `Jobs PUT ${JOB_REPLAY} is not offered on this page`,
    });
    expect(backend.created).toEqual([]);
  });

  it('rows that show only the summary, matched through the catalog summaries', async () => {
    await loadSim({ endpointText: 'summary' });
    const withText = { ...full, scopes: withSummaries(full.scopes, publicCatalog('partner')) };
    // The summary names endpoints by path, which these rows never showed: read back by walking.
    expect(await run(withText, opts)).toEqual({ status: 'created', readBack: 'walk' });
    expect(backend.created).toEqual([record]);
  });
});

describe('read-back: the Create step summary as design systems lay it out', {
  timeout: 30_000,
}, () => {
  const cases: [string, Partial<Scenario>, 'summary' | 'walk'][] = [
    ['a description list', {}, 'summary'],
    ['Ant Design bordered Descriptions (th/td, two a row)', { summary: 'table' }, 'summary'],
    ['term/definition divs by aria-labelledby', { summary: 'labelledby' }, 'summary'],
    [
      'the Japanese summary, categories translated',
      { lang: 'ja', jaCategoryNames: 'translated' },
      'summary',
    ],
    ['the older per-method page', { scopeRows: 'methods' }, 'summary'],
    // Unreadable or absent: the walk, never a partial read.
    ['no summary', { summary: 'none' }, 'walk'],
    ['methods as words ("All GET endpoints")', { summaryScopes: 'words' }, 'walk'],
    ['only endpoint paths', { summaryScopes: 'paths' }, 'walk'],
  ];
  for (const [what, scenario, path] of cases)
    it(`${what}: read back by ${path}`, async () => {
      await loadSim(scenario);
      const perMethodPage = scenario.scopeRows === 'methods';
      expect(await run(perMethodPage ? perMethod : full, opts)).toEqual({
        status: 'created',
        readBack: path,
      });
      expect(backend.created).toEqual([perMethodPage ? perMethodRecord : record]);
    });
});

describe('the driver on the simulation', { timeout: 30_000 }, () => {
  it('creates exactly the requested token (custom drop-downs, options after a delay)', async () => {
    await loadSim({});
    const reads = trapSecrets();
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([record]);
    // The success dialog showed its credentials, and the driver read none of them.
    expect(document.querySelectorAll('code.credential-value')).toHaveLength(2);
    expect(reads).toEqual([]);
    void document.querySelector('code.credential-value')?.textContent; // the trap works
    expect(reads).toEqual(['code.textContent']);
  });

  it('stops at Create for review without creating', async () => {
    await loadSim({});
    expect(await run({ ...full, mode: 'review' }, opts)).toEqual({
      status: 'ready-for-review',
      readBack: 'summary',
    });
    expect(backend.created).toEqual([]);
  });

  it('confirm step, native selects and another emails label', async () => {
    await loadSim({
      confirmStep: true,
      nativeSelects: true,
      emailsLabel: 'Additional developer emails',
    });
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([record]);
  });

  it('Japanese page with translated categories', async () => {
    await loadSim({ lang: 'ja', jaCategoryNames: 'translated' });
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([record]);
  });

  it('a late reset is refilled', async () => {
    // Next takes 120 ms, so the reset (40 ms after Setup appears) lands after the fill.
    await loadSim({
      latency: { min: 60, max: 60 },
      lateReset: { field: 'description', afterMs: 40 },
    });
    let descriptionFills = 0;
    const listening = new AbortController();
    cleanups.push(() => listening.abort());
    document.addEventListener(
      'input',
      (e) => {
        if ((e.target as Element).localName === 'textarea') descriptionFills++;
      },
      { signal: listening.signal },
    );
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(descriptionFills).toBe(2);
    expect(backend.created).toEqual([record]);
  });

  it('late data, a wizard opened by the page itself and many categories', async () => {
    await loadSim({ lateData: 150, openWizard: true, extraCategories: 60 });
    expect(await run(full, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([record]);
  });

  it('the older per-method page', async () => {
    await loadSim({ scopeRows: 'methods' });
    expect(await run(perMethod, opts)).toEqual({ status: 'created', readBack: 'summary' });
    expect(backend.created).toEqual([perMethodRecord]);
  });

  it('a scope the page does not offer stops before anything is created', async () => {
    await loadSim({ scopeRows: 'methods', missingScope: { category: 'Jobs', method: 'POST' } });
    expect(await run(perMethod, opts)).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'Jobs POST is not offered on this page',
    });
    expect(backend.created).toEqual([]);
  });

  it('a pinned endpoint the page does not list stops, naming it', async () => {
    await loadSim({ missingScope: { category: 'Reports', method: 'GET', path: REPORTS } });
    expect(await run(full, opts)).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: `Reports GET ${REPORTS} is not offered on this page`,
    });
    expect(backend.created).toEqual([]);
  });

  it('a method the category has no endpoint for stops (partner Actions has no POST)', async () => {
    await loadSim({});
    const actionsPost = request({
      ...full,
      scopes: [{ category: 'Actions', methods: ['GET', 'POST'] }],
    });
    expect(await run(actionsPost, opts)).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'Actions POST is not offered on this page',
    });
    expect(backend.created).toEqual([]);
  });

  it('the backend’s refusal of the name, in its words', async () => {
    await loadSim({ nameError: 'Names must start with the team prefix.' });
    expect(await run(full, opts)).toEqual({
      status: 'stopped',
      step: 'setup',
      reason: 'Names must start with the team prefix.',
    });
    expect(backend.created).toEqual([]);
  });

  it('a renamed label stops with the missing target named', async () => {
    await loadSim({ renameLabel: { key: 'tokenName', to: 'Token Title' } });
    expect(await run(full, { timeout: 600 })).toEqual({
      status: 'stopped',
      step: 'setup',
      reason: 'Token Name (textbox) not found',
    });
    expect(backend.created).toEqual([]);
  });
});
