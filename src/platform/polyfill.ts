import browser from 'webextension-polyfill';

/**
 * The helper page and the background run on webextension-polyfill (the product's fixed stack): in
 * Chrome it provides `browser` with Firefox's promise semantics, so ext.ts sees one API in both
 * browsers. Import this first in those entries. The content script skips it on purpose: it would
 * cost about 3 KB gzipped on every impact.com page load, for no behaviour the content script needs
 * (its one difference, answering messages asynchronously, is bridged in messaging.ts).
 */
const scope = globalThis as { browser?: typeof browser };
scope.browser ??= browser;
