import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserExecutable, targetBrowser } from './harness/browser-paths.ts';
import { byRole, PARTNER_API_PATH, withSession } from './harness/session.ts';
import { goHome, listedPresets, newPreset, openPreset } from './support/helper-ui.ts';
import { waitForLauncher } from './support/launcher-root.ts';

// Team features in the real browser, through the helper page as a person uses it: a pack is
// imported (pasted, then from a file with a clash resolved), and a token created on the simulated
// wizard lands in the audit log. Outcomes are read back from the extension's own storage.
const s = withSession();
const BROWSER = process.env.BROWSER ?? 'chromium';

const scratch = mkdtempSync(join(tmpdir(), 'ith-team-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const preset = (id: string, name: string, scopes: { category: string; methods: string[] }[]) => ({
  id,
  name,
  nameTemplate: `${id}-{date}`,
  scopes,
});
const pack = (presets: unknown[]) =>
  JSON.stringify({ format: 'impact-token-presets', version: 1, presets }, null, 2);

/** Everything the extension stored, read in an extension page (the helper page itself). */
async function readStorage(page: Page) {
  return page.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    type Api = { storage: { sync: Area; local: Area } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const local = await api.storage.local.get(null);
    // Sync may be unavailable (a browser without an account): then presets live in local.
    const sync: Record<string, unknown> = await api.storage.sync.get(null).catch(() => ({}));
    return { sync, local };
  });
}

/** Stored presets in list order, wherever the extension keeps them. */
async function storedPresets(page: Page) {
  const { sync, local } = await readStorage(page);
  const items = local.presetsArea === 'local' ? local : sync;
  const order = (items.meta as { order?: string[] } | undefined)?.order ?? [];
  return order.map((id) => items[`preset:${id}`] as { id: string; name: string; scopes: unknown });
}

/** Sets a textarea the way typing does (value, then `input`), without typing a long pack key by key. */
async function setText(page: Page, selector: string, value: string) {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (el, v) => {
      (el as HTMLTextAreaElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** The impact.com API page, once the extension has detected it (its launcher is shown). */
async function openApiPage() {
  const page = await s.open(PARTNER_API_PATH);
  await waitForLauncher(page, { timeout: 15_000 });
  return page;
}

async function openTeam(helper: Page) {
  await helper.waitForSelector('details.team > summary');
  await helper.click('details.team > summary');
}

describe(`team features (${BROWSER})`, () => {
  it('imports a pack through the helper page, resolving a clash, and stores the presets', async () => {
    const page = await openApiPage();
    const helper = await s.ext.openHelper(page);
    await openTeam(helper);

    await setText(
      helper,
      'textarea#import-text',
      pack([
        preset('rep', 'Reporting', [{ category: 'Reports', methods: ['GET'] }]),
        preset('ads', 'Ads reader', [{ category: 'Ads', methods: ['GET'] }]),
      ]),
    );
    await helper.locator(byRole('button', 'Preview import')).click();
    await helper.waitForSelector(byRole('group', '“Reporting” is new'));
    await helper.locator(byRole('button', 'Import 2 presets')).click();
    await expect
      .poll(async () => (await storedPresets(helper)).map((p) => p.name), { timeout: 10_000 })
      .toEqual(['Reporting', 'Ads reader']);

    // A teammate's updated file: Reporting gains a scope (same id), plus a new preset.
    const file = join(scratch, 'team-pack.json');
    writeFileSync(
      file,
      pack([
        preset('rep', 'Reporting', [{ category: 'Reports', methods: ['GET', 'POST'] }]),
        preset('clk', 'Clicks', [{ category: 'Clicks', methods: ['GET'] }]),
      ]),
    );
    const input = await helper.waitForSelector('input[type="file"]');
    await input?.uploadFile(file);
    await helper.waitForSelector(byRole('heading', 'Preview of “team-pack.json”'));
    await helper.locator(byRole('radio', 'Replace')).click();
    await helper.locator(byRole('button', 'Import 2 presets')).click();
    await expect
      .poll(async () => storedPresets(helper), { timeout: 10_000 })
      .toEqual([
        expect.objectContaining({
          id: 'rep',
          name: 'Reporting',
          scopes: [{ category: 'Reports', methods: ['GET', 'POST'] }],
        }),
        expect.objectContaining({ id: 'ads', name: 'Ads reader' }),
        expect.objectContaining({ id: 'clk', name: 'Clicks' }),
      ]);
    await helper.close();
    await page.close();
  });

  it('records a token created on the wizard in the audit log, without its secret', async () => {
    s.sim.reset();
    const page = await openApiPage();
    const helper = await s.ext.openHelper(page);
    const name = `audit-e2e-${Date.now()}`;
    await newPreset(helper);
    await helper.locator(byRole('textbox', 'Token name')).fill(name);
    await helper.locator(byRole('checkbox', 'Reports GET')).click();
    await helper.locator(byRole('button', 'Fill and create')).click();
    await helper.waitForFunction(
      () =>
        /Token created$|^Stopped:/.test(
          document.querySelector('[role="status"]')?.textContent ?? '',
        ),
      { timeout: 60_000 },
    );
    expect(await helper.$eval('[role="status"]', (el) => el.textContent)).toMatch(/Token created$/);
    expect(s.sim.records().map((r) => r.name)).toEqual([name]);

    await expect
      .poll(async () => (await readStorage(helper)).local.auditLog, { timeout: 10_000 })
      .toEqual([
        {
          name,
          version: 'latest',
          scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
          account: expect.any(String),
          accountKind: 'partner',
          time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          mode: 'create',
        },
      ]);
    // The page shows the new token's Account SID and Auth Token; the extension stored neither.
    const secrets = await page.$$eval('code', (codes) => codes.map((c) => c.textContent ?? ''));
    expect(secrets).toHaveLength(2);
    expect(secrets[0]).toBe(s.sim.records()[0]?.accountSid);
    const stored = JSON.stringify(await readStorage(helper));
    for (const secret of secrets) expect(stored).not.toContain(secret);

    // The helper lists it in the Team section, on the home view.
    await goHome(helper);
    await openTeam(helper);
    await helper.waitForSelector(`ol.audit ::-p-text(${name})`, { timeout: 10_000 });
    await helper.close();
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Organization presets through real browser policy (storage.managed), as an administrator
// deploys them (README "For administrators"). Policy files are machine-wide, so the extension is
// loaded from a private copy under its own id: other browser sessions on this machine, which load
// dist/ under the usual id, never see this policy. Needs root (CI runs as root).
//   Chromium: /etc/chromium/policies/managed/<file>.json, 3rdparty.extensions.<id>.presetPack;
//             an unpacked extension's id is derived from its absolute path.
//   Firefox:  /etc/firefox/policies/policies.json, policies.3rdparty.Extensions.<id>.presetPack;
//             the copy gets its own gecko id. Firefox needs no managed_schema for this.
// ---------------------------------------------------------------------------------------------

const ORG_PACK = pack([
  preset('org-rep', 'Org reporting', [{ category: 'Reports', methods: ['GET'] }]),
]);

/** Chromium's id for an unpacked extension: sha256 of its path, 32 hex digits mapped to a-p. */
const unpackedExtensionId = (path: string) =>
  [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
    .join('');

interface PolicyBrowser {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Writes `path` (making missing folders); the returned undo restores exactly what was there. */
function writeSystemFile(path: string, text: string | ((before?: string) => string)): () => void {
  const created: string[] = [];
  for (let dir = dirname(path); !existsSync(dir); dir = dirname(dir)) created.unshift(dir);
  for (const dir of created) mkdirSync(dir);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  writeFileSync(path, typeof text === 'function' ? text(before) : text);
  return () => {
    if (before === undefined) rmSync(path, { force: true });
    else writeFileSync(path, before);
    for (const dir of created.reverse()) rmdirSync(dir);
  };
}

async function launchWithPolicy(presetPack: string): Promise<PolicyBrowser> {
  const name = targetBrowser();
  const copy = realpathSync(mkdtempSync(join(tmpdir(), `ith-policy-${name}-`)));
  const profile = mkdtempSync(join(tmpdir(), 'ith-policy-profile-'));
  const cleanups: (() => void)[] = [
    () => rmSync(copy, { recursive: true, force: true }),
    () => rmSync(profile, { recursive: true, force: true }),
  ];
  const cleanup = () => {
    for (const undo of cleanups.reverse()) undo();
  };
  try {
    if (name === 'chromium') {
      cpSync(join(ROOT, 'dist/chrome'), copy, { recursive: true });
      const id = unpackedExtensionId(copy);
      cleanups.push(
        writeSystemFile(
          `/etc/chromium/policies/managed/ith-team-e2e-${id}.json`,
          JSON.stringify({ '3rdparty': { extensions: { [id]: { presetPack } } } }),
        ),
      );
      const browser = await puppeteer.launch({
        executablePath: browserExecutable('chromium'),
        headless: true,
        pipe: true,
        enableExtensions: [copy],
        userDataDir: profile,
        env: { ...process.env, LANGUAGE: 'en' },
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--lang=en'],
      });
      return {
        browser,
        origin: `chrome-extension://${id}`,
        close: async () => {
          await browser.close().catch(() => {});
          cleanup();
        },
      };
    }
    cpSync(join(ROOT, 'dist/firefox'), copy, { recursive: true });
    const geckoId = 'ith-team-e2e-policy@tokenhelper.dev';
    const uuid = '7d2e9c41-0b6a-4f3e-9a85-1c4b7e6f2d90';
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    manifest.browser_specific_settings.gecko.id = geckoId;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    // One policies.json per machine: an existing one keeps everything it says.
    cleanups.push(
      writeSystemFile('/etc/firefox/policies/policies.json', (before) => {
        const policies = before ? JSON.parse(before) : { policies: {} };
        policies.policies['3rdparty'] ??= {};
        policies.policies['3rdparty'].Extensions ??= {};
        policies.policies['3rdparty'].Extensions[geckoId] = { presetPack };
        return JSON.stringify(policies, null, 2);
      }),
    );
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserExecutable('firefox'),
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'intl.locale.requested': 'en',
      },
    });
    await browser.installExtension(copy);
    return {
      browser,
      origin: `moz-extension://${uuid}`,
      close: async () => {
        await browser.close().catch(() => {});
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

const ROOT = new URL('../../', import.meta.url).pathname;

describe(`organization presets by policy (${BROWSER})`, () => {
  let policy: PolicyBrowser;
  beforeAll(async () => {
    policy = await launchWithPolicy(ORG_PACK);
  });
  afterAll(async () => {
    await policy?.close();
  });

  it('shows the policy pack as read-only "From your organization" presets; Duplicate copies one', async () => {
    const helper = await policy.browser.newPage();
    // Firefox never resolves goto() for moz-extension:// pages; wait for the document instead.
    void helper.goto(`${policy.origin}/src/helper/index.html`).catch(() => {});
    await helper.waitForFunction(() => location.protocol.endsWith('-extension:'), {
      timeout: 15_000,
    });
    // The browser reads policy shortly after start; the helper follows storage.managed changes.
    await expect
      .poll(() => listedPresets(helper, 'From your organization'), { timeout: 20_000 })
      .toEqual(['Org reporting']);
    await openPreset(helper, 'Org reporting');
    await helper.waitForSelector('::-p-text(comes from your organization and is read-only)');
    const disabled = (label: string) =>
      helper.$eval(byRole('button', label), (b) => (b as HTMLButtonElement).disabled);
    expect(await disabled('Delete')).toBe(true);
    expect(await disabled('Rename')).toBe(true);
    expect(await helper.$(byRole('button', 'Save changes'))).toBeNull();

    await helper.locator(byRole('button', 'Duplicate')).click();
    await expect
      .poll(async () => (await storedPresets(helper)).map((p) => p.name), { timeout: 10_000 })
      .toEqual(['Org reporting (copy)']);
    const [copy] = await storedPresets(helper);
    // The edit view now shows the copy, the person's own.
    await helper.waitForSelector(byRole('heading', `Preset “${copy?.name}”`), { timeout: 5_000 });
    expect(await disabled('Delete')).toBe(false);
    await helper.close();
  });
});
