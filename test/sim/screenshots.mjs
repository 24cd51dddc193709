#!/usr/bin/env node
// @ts-check
/**
 * Screenshots of every screen, to judge whether the page still looks like a real settings page:
 *   node test/sim/screenshots.mjs [--lang ja]   -> test/sim/.shots/*.png
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { SIM_PATHS, startSim } from './server.mjs';

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'en' } } });
const lang = values.lang === 'ja' ? 'ja' : 'en';
const ja = lang === 'ja';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '.shots');
await mkdir(OUT, { recursive: true });

const sim = await startSim({ scenario: { latency: { min: 0, max: 0 }, lang } });
const browser = await launchChromium(sim);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const shot = (/** @type {string} */ name) =>
    page.screenshot({ path: join(OUT, `${lang}-${name}.png`) });
  const label = (/** @type {string} */ en, /** @type {string} */ jaText) => (ja ? jaText : en);

  await page.goto(`https://app.impact.com${SIM_PATHS.partnerHome}`);
  await page.getByText('Acme Media').waitFor();
  await shot('0-home');
  await page.goto(`https://app.impact.com${SIM_PATHS.partnerApi}`);
  const open = page.getByRole('button', {
    name: label('Create Access Token', 'アクセス トークンを作成'),
  });
  await open.waitFor();
  await shot('1-api-page');
  await page.getByRole('button', { name: label('User profile', 'ユーザープロフィール') }).click();
  await shot('1-api-page-menu');
  await page.keyboard.press('Escape');
  await open.click();
  const dialog = page.getByRole('dialog');

  await dialog.getByLabel(label('Token Name', 'トークン名')).fill('Nightly Reporting');
  await dialog
    .getByLabel(label('Description', '説明'))
    .fill('Exports yesterday’s actions to the warehouse.');
  await dialog.getByRole('button', { name: label('API Version', 'API バージョン') }).click();
  await page.getByRole('option').first().waitFor();
  await shot('2-setup-listbox');
  await page.getByRole('option').nth(2).click();
  await dialog.getByRole('button', { name: label('Next', '次へ') }).click();

  await dialog.getByRole('button', { name: label('Primary Contact', '主な連絡先') }).waitFor();
  const emails = dialog.getByRole('textbox');
  await emails.fill('dev@partner.example');
  await emails.press('Enter');
  await emails.fill('ops@partner.example,');
  await emails.fill('not-an-email');
  await emails.press('Enter');
  await shot('3-contact');
  await emails.fill('');
  await dialog.getByRole('button', { name: label('Next', '次へ') }).click();

  await dialog.getByRole('switch').first().waitFor();
  for (const name of ['Actions', 'Reports', 'Ads']) {
    const group = dialog
      .getByRole('group')
      .filter({ has: page.getByRole('switch') })
      .getByText(name, { exact: true });
    if ((await group.count()) > 0) await dialog.getByRole('switch', { name }).click();
  }
  await dialog.getByRole('checkbox', { name: 'GET' }).first().check();
  await dialog.getByRole('checkbox', { name: 'POST' }).first().check();
  await shot('4-scopes');
  await dialog.getByRole('button', { name: label('Next', '次へ') }).click();

  await dialog.getByRole('button', { name: label('Create', '作成'), exact: true }).waitFor();
  await shot('5-create');
  await dialog.getByRole('button', { name: label('Create', '作成'), exact: true }).click();
  await page
    .getByRole('dialog', {
      name: label('Access Token Created', 'アクセス トークンが作成されました'),
    })
    .waitFor();
  await shot('6-created');
  await page.getByRole('button', { name: label('Done', '完了') }).click();
  await page.getByText('Nightly Reporting').waitFor();
  await shot('7-list-after');
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await sim.close();
}
