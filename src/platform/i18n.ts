import { ext as browser } from './ext';

/**
 * Every visible string of the extension's own UI comes from public/_locales/<lang>/messages.json
 * through here, so the browser's UI language picks English or Japanese.
 */
export function t(key: string, substitutions?: string | string[]): string {
  // A missing key shows itself rather than an empty control: easy to spot in review.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The language the browser's UI runs in, e.g. "ja" or "en-US" (for <html lang>). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
