// @ts-check
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_BASE_ARGS } from '../chromium-flags.mjs';

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
      ...CHROMIUM_BASE_ARGS,
      `--host-resolver-rules=${sim.hostResolverRules}`,
      '--ignore-certificate-errors',
    ],
  });
}
