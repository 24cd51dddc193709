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
 * The page's own work, run inside the page with no per-control round trips, no role or name
 * look-ups (the default simulation's markup, found by structure) and waits that are
 * MutationObservers, as fast as the page can answer. Two sizes of job:
 *
 * - **floor** (`whole: false`): only what the page demands to move on, a token name and one
 *   scope, pressing Next the moment the page allows it. What is left is the page's own work: its
 *   step latencies, the name check, loading users, rendering each step.
 * - **request floor** (`whole: true`): the whole request, as fast as the page lets anyone fill
 *   it: the description, the version and contact (waiting for their option lists), the emails,
 *   and every requested switch and endpoint row, one click each. Its time beyond the floor is the
 *   page's own cost of this request (option-list delays, and re-rendering the step after each
 *   click), which no subject can avoid; the extension's time beyond it is the driver's own.
 */
export const pageFill = async ({ request, scopes, whole }) => {
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
  const setValue = (el, value) => {
    const proto = Object.getPrototypeOf(el);
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** Opens the step's drop-down (a button with a listbox popup) and clicks the option `text`. */
  const choose = async (dialog, index, test) => {
    dialog.querySelectorAll('button[aria-haspopup=listbox]')[index].click();
    const option = await until(() =>
      [...document.querySelectorAll('[role=listbox] [role=option]')].find((o) =>
        test(o.textContent.trim()),
      ),
    );
    option.click();
  };

  (await until(() => button(document, 'Create Access Token'))).click();
  const dialog = await until(() => document.querySelector('[role=dialog]'));
  const input = await until(() => dialog.querySelector('input[type=text]'));
  setValue(input, request.name);
  if (whole) {
    setValue(dialog.querySelector('textarea'), request.description);
    await choose(dialog, 0, (text) => text === request.versionOption);
  }
  (await until(() => button(dialog, 'Next'))).click();
  await until(() => stepIs(dialog, 'Contact Information'));
  if (whole) {
    await choose(dialog, 0, (text) => text.includes(request.primaryContact));
    // The tag input: a comma ends each address.
    setValue(
      dialog.querySelector('input[inputmode=email]'),
      `${request.developerEmails.join(',')},`,
    );
  }
  (await until(() => button(dialog, 'Next'))).click();
  await until(() => stepIs(dialog, 'API Scopes'));
  if (!whole) {
    (await until(() => dialog.querySelector('[role=switch]'))).click();
    (await until(() => dialog.querySelector('input[type=checkbox]'))).click();
    await until(() => dialog.querySelector('input[type=checkbox]:checked'));
  } else {
    await until(() => dialog.querySelector('[role=switch]'));
    const groups = new Map(
      [...dialog.querySelectorAll('[role=group]')].map((g) => [
        document.getElementById(g.getAttribute('aria-labelledby'))?.textContent.trim(),
        g,
      ]),
    );
    for (const { category, methods } of scopes) {
      const group = groups.get(category);
      group.querySelector('[role=switch]').click();
      // The rows render once the switch's update is flushed; each row: box, method, path.
      for (const box of await until(() => {
        const boxes = [...group.querySelectorAll('input[type=checkbox]')];
        return boxes.length && boxes;
      })) {
        const method = box.nextElementSibling?.textContent.trim();
        if (methods.includes(method) && !box.checked) box.click();
      }
    }
  }
  (await until(() => button(dialog, 'Next'))).click();
  await until(() => stepIs(dialog, 'Create'));
};
