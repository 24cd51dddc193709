import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startSim } from '../../sim/server.mjs';
import { targetBrowser } from './browser-paths.ts';
import { type ExtensionBrowser, launchWithExtension } from './launch.ts';

export const PARTNER_API_PATH = '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml';
export const BRAND_API_PATH =
  '/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml';
export const PARTNER_HOME_PATH = '/secure/mediapartner/home/pview.ihtml';

type Sim = Awaited<ReturnType<typeof startSim>>;

export interface Session {
  sim: Sim;
  ext: ExtensionBrowser;
  /** https://app.impact.com<path>, which the browser resolves to the simulation. */
  url(path: string, query?: Record<string, string>): string;
  /** Pages opened through the session are closed after each file. */
  open(path: string, query?: Record<string, string>): Promise<Page>;
}

/**
 * One simulation server and one browser with the built extension per test file. Tests reset the
 * scenario themselves; the backend's record is the truth they assert on.
 */
export function withSession(options: { lang?: 'en' | 'ja' } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.sim = await startSim();
    session.ext = await launchWithExtension(targetBrowser(), {
      simPort: session.sim.port,
      lang: options.lang,
    });
    session.url = (path, query = {}) => {
      const qs = new URLSearchParams(query).toString();
      return `https://app.impact.com${path}${qs ? `?${qs}` : ''}`;
    };
    session.open = (path, query) => session.ext.openPage(session.url(path, query));
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.sim?.close();
  });
  return session;
}

/** A role + accessible name selector, as a screen-reader user would find the element. */
export const byRole = (role: string, name: string): string => `::-p-aria(${name}[role="${role}"])`;

// The launcher lives in a closed shadow root: tests reach it through support/launcher-root.ts.
