// @ts-check
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Launches the system Chromium, headless, with the impact.com hosts sent to the simulation.
 * A missing browser is an error, never a skip: a suite that silently skips proves nothing.
 * @param {{ hostResolverRules: string }} sim
 * @param {{ headless?: boolean }} [opts]
 */
export async function launchChromium(sim, opts = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}; install it: apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    // Fail fast and loudly rather than hang a suite when the browser cannot start.
    timeout: 30_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${sim.hostResolverRules}`,
      '--ignore-certificate-errors',
    ],
  });
}
