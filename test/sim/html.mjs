// @ts-check
/** The two HTML documents the server sends: the single-page app shell and a plain 404 page. */

export const ASSET_JS = '/assets/sim/app.js';
export const ASSET_CSS = '/assets/sim/app.css';

/**
 * The same document for every /secure/ path; the app renders by location. The server-side
 * scenario overrides ride along inline, so they apply from the first render.
 * <html lang> is left for the app to set, since the language is a client-side preference.
 * @param {object} serverScenario
 */
export const spaHtml = (serverScenario) => `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>impact.com</title>
<link rel="stylesheet" href="${ASSET_CSS}">
<script>window.__SIM_SERVER_SCENARIO__ = ${JSON.stringify(serverScenario).replace(/</g, '\\u003c')};</script>
</head>
<body>
<div id="root"></div>
<script type="module" src="${ASSET_JS}"></script>
</body>
</html>
`;

export const notFoundHtml = () => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>404 Not Found | impact.com</title></head>
<body style="font-family: system-ui, sans-serif; color: #1d2433; padding: 48px">
<h1>404 — Page not found</h1>
<p>The simulated impact.com serves the app under <code>/secure/</code>.</p>
</body>
</html>
`;
