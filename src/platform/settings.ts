import { ext as browser } from './ext';
import { AREA_MARKER_KEY, META_KEY_COPY } from './storage-keys';

/**
 * "Open automatically", read cheaply and read-only (no zod: a wrong shape just means the default,
 * and nothing is quarantined or migrated on this path). The background answers the content
 * script's pageDetected with it; the helper writes it through storage.ts with the rest.
 */
export async function readOpenAutomatically(): Promise<boolean> {
  try {
    const marker = await browser.storage.local.get(AREA_MARKER_KEY);
    const area = marker[AREA_MARKER_KEY] === 'local' ? browser.storage.local : browser.storage.sync;
    const meta = (await area.get(META_KEY_COPY))[META_KEY_COPY] as
      | { settings?: { openAutomatically?: unknown } }
      | undefined;
    // Nothing stored yet: a fresh install opens the panel by itself.
    if (meta === undefined) return true;
    // Only an explicit "off" turns it off; the default is on (stored-state.ts).
    return meta?.settings?.openAutomatically !== false;
  } catch {
    return false;
  }
}
