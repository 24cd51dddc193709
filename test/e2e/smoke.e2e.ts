import { describe, expect, it } from 'vitest';
import { byRole, PARTNER_API_PATH, withSession } from './harness/session.ts';
import { launcherState, waitForLauncher } from './support/launcher-root.ts';

// The built extension loads in the real browser, its content script runs on impact.com (served
// from loopback) and nowhere else.
const s = withSession();

describe(`smoke (${process.env.BROWSER ?? 'chromium'})`, () => {
  it('runs the content script on app.impact.com and shows the launcher on the API page', async () => {
    const page = await s.open(PARTNER_API_PATH);
    await waitForLauncher(page, { timeout: 10_000 });
    const info = await s.ext.askContentScript(page, 'getPageInfo');
    expect(info).toMatchObject({ detected: true, kind: 'partner', locale: 'en' });
    await page.close();
  });

  it('does not run on another host, even at the same path', async () => {
    const page = await s.ext.openPage(`https://other.example.com${PARTNER_API_PATH}`);
    // The page itself is the simulation, so it renders its "Create Access Token" button…
    await page.waitForSelector(byRole('button', 'Create Access Token'), { timeout: 10_000 });
    // …but no content script is there to answer, and no launcher appears.
    const answer = (await s.ext.askContentScript(page, 'getPageInfo')) as { error?: string };
    expect(answer.error).toMatch(/Receiving end does not exist|Could not establish connection/);
    expect(await launcherState(page)).toBeUndefined();
    await page.close();
  });
});
