import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What a person does on the page, through Playwright clicks and typing, finding everything by
 * role and name as src/page/README.md describes. English labels unless a test passes others.
 */

export const wizardOf = (page: Page, name = 'Create Access Token') =>
  page.getByRole('dialog', { name });

/** The text of the step indicator's current item. */
export const currentStep = (dialog: Locator) =>
  dialog.locator('[aria-current="step"]').textContent();

export const expectStep = (dialog: Locator, name: string) =>
  expect.poll(() => currentStep(dialog), { timeout: 5000 }).toBe(name);

/** Opens a custom drop-down by its label and picks the option containing `text`. */
export const choose = async (page: Page, dialog: Locator, label: string, text: string) => {
  await dialog.getByRole('button', { name: label }).click();
  await page.getByRole('listbox').getByRole('option', { name: text }).click();
};

export const scopeGroup = (dialog: Locator, category: string) =>
  dialog.getByRole('group', { name: category, exact: true });

/**
 * Turns a category on and ticks endpoint rows by their visible text (method, path, summary are
 * in the checkbox's name), as a person scanning the list does.
 */
export const grantEndpoints = async (dialog: Locator, category: string, rows: RegExp[]) => {
  const group = scopeGroup(dialog, category);
  await group.getByRole('switch', { name: category, exact: true }).click();
  for (const row of rows) await group.getByRole('checkbox', { name: row }).check();
};

/** Per-method page (scopeRows=methods): turns a category on and ticks the given methods. */
export const grant = async (dialog: Locator, category: string, methods: string[]) => {
  const group = scopeGroup(dialog, category);
  await group.getByRole('switch', { name: category, exact: true }).click();
  for (const method of methods)
    await group.getByRole('checkbox', { name: method, exact: true }).check();
};

/** Home -> user profile menu -> Settings -> Technical / API -> Create Access Token. */
export const openWizardLikeAPerson = async (page: Page) => {
  await page.getByRole('button', { name: 'User profile' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'API' })
    .click();
  await page.getByRole('button', { name: 'Create Access Token' }).click();
  const dialog = wizardOf(page);
  await expectStep(dialog, 'Setup');
  return dialog;
};
