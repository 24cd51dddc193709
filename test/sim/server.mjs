// @ts-check
import { createServer } from 'node:https';
import { createBackend, readJson, sendJson } from './backend.mjs';
import { appBundle } from './bundle.mjs';
import { certificate, SIM_HOSTS } from './cert.mjs';
import { ASSET_CSS, ASSET_JS, notFoundHtml, spaHtml } from './html.mjs';
import { startProxy } from './proxy.mjs';

/** @typedef {import('./scenario').Scenario} Scenario */
/** @typedef {import('./server.d.mts').SimOptions} SimOptions */
/** @typedef {import('./server.d.mts').SimServer} SimServer */

export { SIM_HOSTS };

/** Where the pages live (the API paths are impact.com's real ones). */
export const SIM_PATHS = {
  partnerHome: '/secure/mediapartner/home/pview.ihtml',
  partnerApi: '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml',
  brandHome: '/secure/advertiser/home/pview.ihtml',
  brandApi: '/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml',
};

/**
 * Chromium's --host-resolver-rules value that sends the impact.com hosts to the simulation.
 * @param {number} port
 */
export const hostResolverRules = (port) =>
  SIM_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');

/**
 * The page's effective scenario, sent by the page with each API call (only the page knows its
 * ?sim= params); falls back to the server's overrides for direct calls.
 * @param {import('node:http').IncomingMessage} req @param {Partial<Scenario>} fallback
 * @returns {Partial<Scenario>}
 */
const scenarioOfRequest = (req, fallback) => {
  const header = req.headers['x-sim-scenario'];
  if (typeof header !== 'string') return fallback;
  try {
    return JSON.parse(decodeURIComponent(header));
  } catch {
    return fallback;
  }
};

/**
 * Starts the simulated impact.com on https://127.0.0.1:<port>.
 * @param {SimOptions} [opts]
 * @returns {Promise<SimServer>}
 */
export async function startSim(opts = {}) {
  const [tls, bundle] = await Promise.all([certificate(), appBundle()]);
  const backend = createBackend();
  const initialScenario = { ...opts.scenario };
  /** @type {Partial<Scenario>} */
  let scenario = { ...initialScenario };

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  const route = async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://app.impact.com');
    const path = url.pathname;
    const send = (
      /** @type {number} */ status,
      /** @type {string} */ type,
      /** @type {string} */ body,
    ) => {
      res.writeHead(status, {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'no-store',
      });
      res.end(body);
    };
    if (path === ASSET_JS) return send(200, 'text/javascript', bundle.js);
    if (path === ASSET_CSS) return send(200, 'text/css', bundle.css);
    if (path.startsWith('/secure/')) return send(200, 'text/html', spaHtml(scenario));
    if (await backend.handle(req, res, url, scenarioOfRequest(req, scenario))) return;
    if (path === '/__sim/records') return sendJson(res, 200, backend.records());
    if (path === '/__sim/scenario') {
      if (req.method === 'POST' || req.method === 'PUT')
        Object.assign(scenario, await readJson(req));
      return sendJson(res, 200, scenario);
    }
    if (path === '/__sim/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/') {
      res.writeHead(302, {
        location: scenario.account === 'brand' ? SIM_PATHS.brandHome : SIM_PATHS.partnerHome,
      });
      return res.end();
    }
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    send(404, 'text/html', notFoundHtml());
  };

  const reset = () => {
    backend.reset();
    scenario = { ...initialScenario };
  };

  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    route(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'server_error', message: String(error) });
      else res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy = await startProxy(port);

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    cert: tls.cert,
    hostResolverRules: hostResolverRules(port),
    proxyPort: proxy.port,
    close: async () => {
      await proxy.close();
      await new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      });
    },
    records: backend.records,
    setScenario: (overrides) => {
      Object.assign(scenario, overrides);
    },
    reset,
  };
}
