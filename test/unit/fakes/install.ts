/**
 * Import this first in a test file, as a bare `import '../fakes/install';` (a side-effect import
 * keeps its place when imports are sorted). It installs the fake at globalThis.browser with a
 * chrome.runtime.id, so webextension-polyfill exports it as is, the way it does on Firefox.
 */
import { fakeBrowser } from './browser';

const g = globalThis as Record<string, unknown>;
g.browser = fakeBrowser;
g.chrome = fakeBrowser;
