import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const KNOWN: Record<BrowserName, { env: string; path: string; apt: string }> = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
};

/** The browser's executable, or an error that tells the reader how to install it. Never a skip. */
export function browserExecutable(name: BrowserName): string {
  const known = KNOWN[name];
  const path = process.env[known.env] ?? known.path;
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. Install it with: sudo apt-get update && sudo apt-get install -y ${known.apt} ` +
        `(or set ${known.env} to its executable).`,
    );
  }
  return path;
}

/** Which browser an e2e run targets: BROWSER=chromium|firefox (default chromium). */
export function targetBrowser(): BrowserName {
  const name = process.env.BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox')
    throw new Error(`BROWSER=${name}: use chromium or firefox`);
  return name;
}
