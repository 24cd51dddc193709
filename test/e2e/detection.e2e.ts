import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BRAND_API_PATH,
  byRole,
  PARTNER_API_PATH,
  PARTNER_HOME_PATH,
  withSession,
} from './harness/session.ts';
import { BROWSER, settle } from './support/helper-ui.ts';
import { waitForLauncher } from './support/launcher-root.ts';

// Issue 4, detection: impact.com is a single-page app. A person reaches the API page through the
// app's own links (pushState, no document load), and the launcher must follow; on every other
// impact.com page there is no launcher and the content script says it is not the API page.
const s = withSession();

const HOST = 'impact-token-helper';
let pages: Page[] = [];
const open = async (path: string) => {
  const page = await s.open(path);
  pages.push(page);
  return page;
};

beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

const heading = (page: Page, text: string) =>
  page.waitForSelector(byRole('heading', text), { timeout: 10_000 });

/** Not the API page: no launcher (after detection had time to act) and the script says so. */
async function expectNotDetected(page: Page) {
  // Detection reacts to the DOM within a frame or two; a settled page has had ample time.
  await settle(page, 400);
  expect(await page.$(HOST)).toBeNull();
  expect(await s.ext.askContentScript(page, 'getPageInfo')).toMatchObject({ detected: false });
}

async function expectDetected(page: Page, kind: 'partner' | 'brand') {
  await waitForLauncher(page, { timeout: 10_000 });
  await settle(page);
  expect(await s.ext.askContentScript(page, 'getPageInfo')).toMatchObject({
    detected: true,
    kind,
  });
}

/** Settings through the top bar's user profile menu, as the help centre describes. */
async function openSettingsFromProfileMenu(page: Page) {
  await page.locator(byRole('button', 'User profile')).click();
  await page.locator(byRole('menuitem', 'Settings')).click();
  await heading(page, 'General');
}

describe(`detection (${BROWSER})`, () => {
  it('follows client-side navigation: home → profile menu → Settings → API shows the launcher', async () => {
    const page = await open(PARTNER_HOME_PATH);
    await heading(page, 'Welcome back');
    await expectNotDetected(page);

    await openSettingsFromProfileMenu(page);
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await expectNotDetected(page);

    await page.locator(byRole('link', 'API')).click();
    await expectDetected(page, 'partner');
    // Same document all along: the app moved by pushState, and detection followed it.
    expect(new URL(page.url()).pathname).toBe(PARTNER_API_PATH);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(
      loads,
    );
  });

  it('keeps the launcher while the wizard opens on its hash route, and drops it on leaving', async () => {
    const page = await open(PARTNER_API_PATH);
    await expectDetected(page, 'partner');
    await page.locator(byRole('button', 'Create Access Token')).click();
    await page.waitForSelector(byRole('dialog', 'Create Access Token'), { timeout: 10_000 });
    expect(new URL(page.url()).hash).toBe('#/create');
    await expectDetected(page, 'partner');

    await page.locator(byRole('button', 'Close')).click();
    // Away through the app's own settings navigation: the launcher and panel go with the page.
    await page.locator(byRole('link', 'Users')).click();
    await heading(page, 'Users');
    await expectNotDetected(page);
  });

  for (const section of ['General', 'Users', 'Notifications', 'Tracking', 'Postbacks']) {
    it(`shows nothing on the ${section} settings section`, async () => {
      const page = await open(PARTNER_HOME_PATH);
      await heading(page, 'Welcome back');
      await openSettingsFromProfileMenu(page);
      if (section !== 'General') {
        await page.locator(byRole('link', section)).click();
        await heading(page, section);
      }
      await expectNotDetected(page);
    });
  }

  it('shows nothing on a directly loaded home or settings page, or an unknown path', async () => {
    for (const path of [
      PARTNER_HOME_PATH,
      '/secure/mediapartner/accountSettings/mp-general.ihtml',
      '/secure/advertiser/accountSettings/techintegration/adv-tracking-settings.ihtml',
      '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml.old',
    ]) {
      const page = await open(path);
      await page.waitForSelector('h1', { timeout: 10_000 });
      await expectNotDetected(page);
    }
  });

  it('detects the brand API page too', async () => {
    const page = await open(BRAND_API_PATH);
    await expectDetected(page, 'brand');
  });
});
