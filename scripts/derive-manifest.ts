/**
 * manifest.json is the single source; each browser's manifest is derived here, so the two builds
 * cannot drift apart. Pure, so the permissions audit test checks exactly what ships.
 */
export type TargetBrowser = 'chrome' | 'firefox';

/** Fixed so policies.json (3rdparty.Extensions.<id>) and sync storage keep working across updates. */
export const GECKO_ID = 'impact-token-helper@tokenhelper.dev';

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; type?: string };
  storage?: unknown;
};

export function deriveManifest(base: Manifest, browser: TargetBrowser): Record<string, unknown> {
  const copy = structuredClone(base);
  if (browser === 'chrome') {
    // Chrome injects content scripts by their matches alone, and nothing else in the extension
    // touches a site (the panel reaches its tab by tabs.sendMessage, which needs no host access).
    // Firefox MV3 keeps them: there host access is what lets the content script run at all.
    const { host_permissions: _notNeeded, ...chrome } = copy;
    return chrome;
  }
  const { background, storage: _chromeOnlyManagedSchema, ...rest } = copy;
  // Firefox has no use_dynamic_url (its moz-extension:// origin is already random per install).
  const resources = (rest.web_accessible_resources as Record<string, unknown>[] | undefined)?.map(
    ({ use_dynamic_url: _chromeOnly, ...entry }) => entry,
  );
  return {
    ...rest,
    ...(resources ? { web_accessible_resources: resources } : {}),
    // Firefox MV3 runs background scripts as an event page, not a service worker.
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 142 is the first release that understands data_collection_permissions.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
