import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { targetBrowser } from './harness/browser-paths.ts';

// The built manifest is what users grant. Any new permission must be a deliberate edit here.
const browser = targetBrowser();
const dir = browser === 'chromium' ? 'chrome' : 'firefox';
const manifest = JSON.parse(
  readFileSync(new URL(`../../dist/${dir}/manifest.json`, import.meta.url), 'utf8'),
);
const IMPACT_HOSTS = ['https://app.impact.com/*', 'https://member.impactradius.com/*'];

describe(`permissions audit (${dir} build)`, () => {
  it('asks for storage and the impact.com hosts, nothing else', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    // Chrome needs no host permission: content scripts run by their matches (issue 13).
    if (browser === 'chromium') expect(manifest.host_permissions).toBeUndefined();
    else expect([...manifest.host_permissions].sort()).toEqual(IMPACT_HOSTS);
  });

  it('injects the content script only on impact.com and exposes the helper only there', () => {
    // Only the app's pages (all under /secure/), not the whole host.
    for (const script of manifest.content_scripts)
      expect([...script.matches].sort()).toEqual(
        IMPACT_HOSTS.map((h) => h.replace('/*', '/secure/*')),
      );
    for (const resource of manifest.web_accessible_resources ?? []) {
      expect([...resource.matches].sort()).toEqual(IMPACT_HOSTS);
    }
  });

  it('keeps the default extension CSP (no unsafe-eval, no remote code)', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-eval|<all_urls>|\*:\/\/\*\//);
  });

  it('carries the browser-specific background and Firefox settings', () => {
    if (browser === 'chromium') {
      expect(manifest.background.service_worker).toBeTruthy();
      expect(manifest.background.type).toBe('module');
    } else {
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.browser_specific_settings.gecko).toMatchObject({
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      });
      expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    }
  });
});
