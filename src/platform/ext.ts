import type { Browser } from 'webextension-polyfill';

/**
 * The extension API. Firefox's `browser` and Chrome's MV3 `chrome` both return promises from
 * every call this extension makes; the one difference that matters (answering a message
 * asynchronously) is bridged in messaging.ts. Using them directly instead of bundling
 * webextension-polyfill keeps about 3 KB (gzipped) out of the content script, which runs on
 * every impact.com page. Only the polyfill's types are used.
 */
const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const ext: Browser = (scope.browser ?? scope.chrome) as Browser;
