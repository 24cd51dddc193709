import type { AccountKind, PageLocale } from '../core/protocol';
import { LOCALES } from './locales';
import { queryAll } from './locate';
import { hasAny } from './text';

/**
 * Is this impact.com's API settings page? Host + path prefix first (seen URLs carry flow tokens
 * and hash routes, so never the full URL), then the page's content: its "Create Access Token"
 * button. The app is a single-page app, so navigation is watched, not just the first load.
 */

const PARTNER_PATH = '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml';
const BRAND_PATH = '/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml';

/**
 * Host + path prefix (shared/reference/impact-api-token-wizard.md): the partner page on
 * app.impact.com and the older member.impactradius.com, the brand page on app.impact.com only.
 */
export const accountKind = ({
  hostname: host,
  pathname: path,
}: Location | URL): AccountKind | undefined =>
  path.startsWith(PARTNER_PATH) && (host === 'app.impact.com' || host === 'member.impactradius.com')
    ? 'partner'
    : path.startsWith(BRAND_PATH) && host === 'app.impact.com'
      ? 'brand'
      : undefined;

const LOCALE_IDS = Object.keys(LOCALES) as PageLocale[];

/** The page's own content: its opener button, or the wizard already open. */
const showsApiPage = (locale: PageLocale): boolean => {
  const opener = LOCALES[locale].opener;
  return (
    queryAll(document, 'button', opener).length > 0 ||
    queryAll(document, 'dialog', (n) => hasAny(n, opener)).length > 0
  );
};

/** `<html lang>` (ja* → ja, en* → en), else whichever locale's strings the page shows; else en. */
export function detectLocale(): PageLocale {
  const lang = document.documentElement.lang.slice(0, 2).toLowerCase();
  return LOCALE_IDS.find((l) => l === lang) ?? LOCALE_IDS.find((l) => showsApiPage(l)) ?? 'en';
}

let detected = false;
let callbacks = 0;

export const isDetected = (): boolean => detected;

/** For the benchmark: how many detection callbacks ran (navigations + content checks). */
export const detectionStats = (): { callbacks: number } => ({ callbacks });

/**
 * Calls onChange(true) once the API page is confirmed, onChange(false) when it is left. Client-side
 * navigation comes from the Navigation API's navigatesuccess, or (browsers without it) a
 * MutationObserver that only compares the path. No polling: on other pages each callback is one
 * string comparison. On a matching path, a second observer waits for the content and stops as
 * soon as it is found or the path changes.
 */
export function watchForApiPage(signal: AbortSignal, onChange: (detected: boolean) => void): void {
  let lastPath: string | undefined;
  let content: MutationObserver | undefined;
  const set = (value: boolean) => {
    if (value === detected) return;
    detected = value;
    onChange(value);
  };
  const stopContent = () => {
    content?.disconnect();
    content = undefined;
  };
  const onNavigate = () => {
    callbacks++;
    const path = location.hostname + location.pathname;
    if (path === lastPath) return;
    lastPath = path;
    stopContent();
    set(false);
    if (!accountKind(location)) return;
    const confirm = () => {
      callbacks++;
      if (!LOCALE_IDS.some(showsApiPage)) return;
      stopContent();
      set(true);
    };
    content = new MutationObserver(confirm);
    content.observe(document.documentElement, { childList: true, subtree: true });
    confirm();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', onNavigate, { signal });
  else {
    const paths = new MutationObserver(onNavigate);
    paths.observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('popstate', onNavigate, { signal });
    signal.addEventListener('abort', () => paths.disconnect());
  }
  signal.addEventListener('abort', () => {
    stopContent();
    detected = false; // a stopped watcher vouches for nothing
  });
  onNavigate();
}
