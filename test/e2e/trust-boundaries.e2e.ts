import type { Frame, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSession } from './harness/session.ts';
import { BROWSER, openApiPage, panelFrame, seedPresets } from './support/helper-ui.ts';

/**
 * What impact.com's own scripts (or an XSS on impact.com) must not be able to do with the helper
 * (issue 13): make a helper frame act on another tab, or get Create pressed on a panel the person
 * cannot see. (That they cannot read into the launcher or the panel is trust-matrix.e2e.ts.)
 */

const s = withSession();
let pages: Page[] = [];
beforeEach(() => s.sim.reset());
afterEach(async () => {
  for (const p of pages) await p.close().catch(() => {});
  pages = [];
});

const PRESET = {
  id: 'reporting',
  name: 'Reporting',
  nameTemplate: 'E2E trust',
  scopes: [{ category: 'Reports', methods: ['GET'] }],
};

const COVERED = /page covers or fades this panel, so nothing was pressed/;

/**
 * Presses "Fill and create" and returns the status line once it settles. `planted`: the frame is
 * one the page made; puppeteer's mouse does not reach into it (its click never returns), so the
 * button's own click() is used there: the helper's handler runs the same either way.
 */
async function press(
  h: Frame,
  label: 'Fill and create' | 'Fill form' = 'Fill and create',
  planted = false,
): Promise<string> {
  // By its visible text: Chromium's accessibility query does not reach into a frame the page
  // planted (an out-of-process frame of another extension-page origin), the text query does.
  const button = await h.waitForSelector(`button::-p-text(${label}):not([disabled])`, {
    timeout: 15_000,
  });
  const status = () =>
    h.evaluate(() => document.querySelector('[role="status"]')?.textContent?.trim() ?? '');
  const before = await status();
  if (planted) await button?.evaluate((b) => (b as HTMLButtonElement).click());
  else await button?.click();
  const deadline = Date.now() + 60_000;
  const settled = Date.now() + 3_000;
  for (;;) {
    const text = await status();
    const final = /Token created$|Ready for review$|^Stopped:|covers or fades/.test(text);
    // The same refusal again leaves the same words: after a moment, that is the answer.
    if (final && (text !== before || Date.now() > settled)) return text;
    if (Date.now() > deadline) throw new Error(`no outcome; status: ${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const wizardOpen = (p: Page) => p.evaluate(() => !!document.querySelector('[role="dialog"]'));

/** A frame of `page` whose document is the extension's helper, found from inside. */
async function helperFrameIn(page: Page, marker: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes(marker)) {
        const ready = await frame
          .evaluate(() => !!document.querySelector('[role="status"]'))
          .catch(() => false);
        if (ready) return frame;
      }
    }
    if (Date.now() > deadline) throw new Error(`no helper frame with ${marker}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe(`trust boundaries (${BROWSER})`, () => {
  it('a helper frame the page plants with ?tabId= of another tab does not act on that tab', async () => {
    await seedPresets(s, [PRESET], { defaultId: 'reporting', openAutomatically: false });
    const victim = await openApiPage(s);
    const attacker = await openApiPage(s);
    pages.push(victim, attacker);
    const victimTab = await s.ext.tabIdOf(victim);
    // The page's own script: the helper page is web-accessible, and store ids are public.
    await attacker.evaluate(
      (origin, tabId) => {
        const frame = document.createElement('iframe');
        frame.src = `${origin}/src/helper/index.html?tabId=${tabId}&planted=1`;
        frame.style.cssText = 'position:fixed;left:0;top:0;width:420px;height:800px;z-index:9';
        document.body.append(frame);
      },
      s.ext.extensionOrigin,
      victimTab,
    );
    const planted = await helperFrameIn(attacker, 'planted=1');
    // It reads its own tab (the attacker's page), not the tab its address names…
    await planted.waitForFunction(
      () => document.body.textContent?.includes('Partner account: Acme Media (1234567)'),
      { timeout: 15_000 },
    );
    // …a click on Create in a frame the extension did not make is refused…
    expect(await press(planted, 'Fill and create', true)).toMatch(COVERED);
    expect(s.sim.records()).toEqual([]);
    // …and "Fill form" fills the wizard of the tab the frame is in, never the one it named.
    expect(await press(planted, 'Fill form', true)).toMatch(/Ready for review$/);
    expect(await wizardOpen(attacker)).toBe(true);
    expect(await wizardOpen(victim)).toBe(false);
    expect(s.sim.records()).toEqual([]);
  }, 120_000);

  it('a helper tab the page opens with ?tabId= of another tab is aimed at nothing', async () => {
    await seedPresets(s, [PRESET], { defaultId: 'reporting', openAutomatically: false });
    const victim = await openApiPage(s);
    const attacker = await openApiPage(s);
    pages.push(victim, attacker);
    const victimTab = await s.ext.tabIdOf(victim);
    // The page's own script opens the (web-accessible) helper page at the top level.
    const helper = await s.ext.newPageFrom(
      () =>
        attacker.evaluate(
          (origin, tabId) => {
            window.open(`${origin}/src/helper/index.html?tabId=${tabId}&planted=top`, '_blank');
          },
          s.ext.extensionOrigin,
          victimTab,
        ),
      'planted=top',
    );
    pages.push(helper);
    await helper.waitForFunction(
      () => document.body.textContent?.includes('This tab is not an impact.com API settings page.'),
      { timeout: 15_000 },
    );
    const fill = await helper.waitForSelector('button::-p-text(Fill and create)');
    expect(await fill?.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await wizardOpen(victim)).toBe(false);
    expect(s.sim.records()).toEqual([]);
  }, 120_000);

  it('the panel\'s "Open in a tab" opens a helper aimed at its page, also after a reload', async () => {
    await seedPresets(s, [PRESET], { defaultId: 'reporting' });
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    const button = await panel.waitForSelector('button::-p-text(Open in a tab)', {
      timeout: 15_000,
    });
    const helper = await s.ext.newPageFrom(
      () => button?.click() ?? Promise.resolve(),
      '/src/helper/index.html?popout=',
    );
    pages.push(helper);
    const aimed = (h: Page) =>
      h.waitForFunction(
        () => document.body.textContent?.includes('Partner account: Acme Media (1234567)'),
        { timeout: 15_000 },
      );
    await aimed(helper);
    void helper.reload().catch(() => {});
    await helper.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
    await aimed(helper);
  }, 120_000);

  it('a panel the page fades cannot press Create; the person is sent to the popup', async () => {
    await seedPresets(s, [PRESET], { defaultId: 'reporting' });
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    await page.evaluate(() => {
      document.documentElement.style.opacity = '0.02';
    });
    expect(await press(panel)).toMatch(COVERED);
    expect(s.sim.records()).toEqual([]);
    // The same page, unfaded: Create works from the panel.
    await page.evaluate(() => {
      document.documentElement.style.opacity = '';
    });
    expect(await press(panel)).toMatch(/Token created$/);
    expect(s.sim.records()).toHaveLength(1);
  }, 120_000);

  it('a panel under a see-through overlay cannot press Create; one under the panel is harmless', async () => {
    await seedPresets(s, [PRESET], { defaultId: 'reporting' });
    const page = await openApiPage(s);
    pages.push(page);
    const panel = await panelFrame(page);
    // A toast container as libraries draw it: the whole viewport, see-through to clicks, under
    // the panel. It must not cost the person their Create.
    const overlay = (zIndex: number, text: string) =>
      page.evaluate(
        (z, words) => {
          const layer = document.createElement('div');
          layer.id = `overlay-${z}`;
          layer.textContent = words;
          layer.style.cssText = `position:fixed;inset:0;z-index:${z};background:#fff;pointer-events:none`;
          document.body.append(layer);
        },
        zIndex,
        text,
      );
    // Clickjacking: a decoy drawn over the panel that lets the click through to it. Chromium's
    // IntersectionObserver v2 sees it; in Firefox the content script looks (painted-over.ts).
    await overlay(2147483647, 'Win a prize: click the button');
    expect(await press(panel)).toMatch(COVERED);
    expect(s.sim.records()).toEqual([]);
    // A toast container as libraries draw it: the whole viewport, see-through to clicks, under
    // the panel. It must not cost the person their Create.
    await page.evaluate(() => document.getElementById('overlay-2147483647')?.remove());
    await overlay(9999, 'Saved');
    expect(await press(panel)).toMatch(/Token created$/);
    expect(s.sim.records()).toHaveLength(1);
  }, 180_000);
});
