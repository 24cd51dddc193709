// The two subjects the extension is compared with. Both work in a browser without the extension.

/**
 * A straightforward Playwright script, as a developer would write it against this page: role and
 * label locators, Playwright's default auto-waiting, click/fill/check/press. No read-back (a
 * developer's script trusts its own clicks); it ends when the Create step's button is there.
 */
export async function playwrightFill(page, request, scopes) {
  await page.getByRole('button', { name: 'Create Access Token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create Access Token' });
  const next = dialog.getByRole('button', { name: 'Next', exact: true });

  await dialog.getByLabel('Token Name').fill(request.name);
  await dialog.getByLabel('Description').fill(request.description);
  await dialog.getByRole('button', { name: /^API Version/ }).click();
  await page.getByRole('option', { name: request.versionOption, exact: true }).click();
  await next.click();

  await dialog.getByRole('button', { name: /^Primary Contact/ }).click();
  await page.getByRole('option', { name: request.primaryContact }).click();
  const emails = dialog.getByRole('textbox', { name: 'Developer Emails' });
  for (const email of request.developerEmails) {
    await emails.fill(email);
    await emails.press('Enter');
  }
  await next.click();

  for (const scope of scopes) {
    const group = dialog.getByRole('group', { name: scope.category, exact: true });
    await group.getByRole('switch').click();
    for (const method of scope.methods) {
      // Per-method page: the method's one checkbox; per-endpoint page: each row of the method.
      const only = group.getByRole('checkbox', { name: method, exact: true });
      if (await only.count()) await only.check();
      else
        for (const row of await group
          .getByRole('checkbox', { name: new RegExp(`^${method} `) })
          .all())
          await row.check();
    }
  }
  await next.click();
  await dialog.getByRole('button', { name: 'Create', exact: true }).waitFor();
}

/**
 * The page's floor: one function run inside the page that does only what the page demands to
 * move on (a token name, one scope) with no per-control round trips, and presses Next the moment
 * the page allows it. What is left is the page's own work: its step latencies, the name check,
 * loading users, rendering each step. Waits are MutationObservers, as fast as the page can answer.
 */
export const floorFill = async (name) => {
  const until = (test) =>
    new Promise((resolve) => {
      const hit = test();
      if (hit) return resolve(hit);
      const observer = new MutationObserver(() => {
        const found = test();
        if (!found) return;
        observer.disconnect();
        resolve(found);
      });
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
  const button = (root, text) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === text && !b.disabled);
  const stepIs = (dialog, text) =>
    dialog.querySelector('[aria-current=step]')?.textContent.trim() === text;

  (await until(() => button(document, 'Create Access Token'))).click();
  const dialog = await until(() => document.querySelector('[role=dialog]'));
  const input = await until(() => dialog.querySelector('input[type=text]'));
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, name);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  (await until(() => button(dialog, 'Next'))).click();
  await until(() => stepIs(dialog, 'Contact Information'));
  (await until(() => button(dialog, 'Next'))).click();
  await until(() => stepIs(dialog, 'API Scopes'));
  (await until(() => dialog.querySelector('[role=switch]'))).click();
  (await until(() => dialog.querySelector('input[type=checkbox]'))).click();
  await until(() => dialog.querySelector('input[type=checkbox]:checked'));
  (await until(() => button(dialog, 'Next'))).click();
  await until(() => stepIs(dialog, 'Create'));
};
