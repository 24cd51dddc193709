import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH: string;
/** System Chromium, headless, impact.com hosts mapped to the simulation; throws if missing. */
export function launchChromium(
  sim: { hostResolverRules: string },
  opts?: { headless?: boolean },
): Promise<Browser>;
