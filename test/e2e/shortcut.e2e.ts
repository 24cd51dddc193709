import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { targetBrowser } from './harness/browser-paths.ts';
import { byRole, PARTNER_API_PATH, withSession } from './harness/session.ts';

/**
 * The keyboard shortcut: manifest.json's `commands._execute_action` suggests Alt+Shift+K, which
 * opens the toolbar popup (the helper) with no code and no permission; people change it at
 * chrome://extensions/shortcuts or in Firefox's "Manage Extension Shortcuts".
 *
 * What a test can prove, and what it cannot: puppeteer's keyboard sends CDP input events to the
 * page's renderer, and browser-level accelerators (extension commands among them) never see them.
 * Pressing Alt+Shift+K from puppeteer opens nothing, in headless or headed Chromium. So the test
 * proves the two halves separately: the browser registered the suggested shortcut for
 * `_execute_action` (a suggestion that clashes with a browser shortcut is silently dropped:
 * Alt+Shift+T, first proposed, is Chromium's "Focus toolbar" on Linux and Windows and came back
 * unassigned), and executing the action (chrome.action.openPopup, what the command does) opens
 * the helper in its popup.
 */

const browserName = targetBrowser();
const s = withSession();

type Command = { name?: string; shortcut?: string; description?: string };

async function registeredCommands(page: Page): Promise<Command[]> {
  return page.evaluate(async () => {
    type Api = { commands: { getAll(): Promise<Command[]> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (g.browser ?? g.chrome).commands.getAll();
  });
}

describe(`keyboard shortcut (${browserName})`, () => {
  it('registers Alt+Shift+K for the toolbar action, without asking any permission', async () => {
    const control = await s.ext.openExtensionPage('src/helper/index.html?e2e-control=1');
    const commands = await registeredCommands(control);
    const action = commands.find((c) => c.name === '_execute_action');
    expect(action?.shortcut?.replace(/\s/g, '')).toBe('Alt+Shift+K');
    expect(commands.map((c) => c.name)).toEqual(['_execute_action']);
    await control.close();
  });

  if (browserName === 'chromium') {
    it('opens the helper in the toolbar popup when the action is executed', async () => {
      const page = await s.open(PARTNER_API_PATH);
      const popup = await openPopupOver(page);
      // The popup is the helper, bound to the impact.com tab it was opened over.
      await popup.waitForSelector(byRole('heading', 'Token helper'), { timeout: 15_000 });
      await showsPartnerAccount(popup);
      await page.close();
    });

    it('opened before the page has loaded, shows the page once it is recognised', async () => {
      const page = await s.ext.openPage('about:blank');
      const popup = await openPopupOver(page);
      await popup.waitForSelector(byRole('heading', 'Token helper'), { timeout: 15_000 });
      await page.goto(s.url(PARTNER_API_PATH));
      await showsPartnerAccount(popup);
      await page.close();
    });
  }

  async function openPopupOver(page: Page): Promise<Page> {
    const control = await s.ext.openExtensionPage('src/helper/index.html?e2e-control=1');
    const helperUrl = `${s.ext.extensionOrigin}/src/helper/index.html`;
    const popupOpened = s.ext.browser.waitForTarget((t) => t.url() === helperUrl, {
      timeout: 15_000,
    });
    await page.bringToFront();
    await control.evaluate(async () => {
      type Api = { action: { openPopup(): Promise<void> } };
      await (globalThis as unknown as { chrome: Api }).chrome.action.openPopup();
    });
    const popup = await (await popupOpened).asPage();
    await control.close();
    return popup;
  }

  async function showsPartnerAccount(popup: Page): Promise<void> {
    try {
      await popup.waitForFunction(
        () => (document.body.textContent ?? '').includes('Partner account:'),
        { timeout: 15_000 },
      );
    } catch (error) {
      const shown = await popup.evaluate(() => document.body.textContent).catch(() => '(closed)');
      throw new Error(`the popup never showed the partner page; it showed:\n${shown}`, {
        cause: error,
      });
    }
  }
});
