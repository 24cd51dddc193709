// zod must be told before any schema runs: extension pages forbid the eval its fast path probes.
import '../core/zod-jitless';
// Before anything reads the extension API (see polyfill.ts).
import '../platform/polyfill';
import { render } from 'preact';
import { t, uiLanguage } from '../platform/i18n';
import { App } from './app';
import './styles.css';

document.documentElement.lang = uiLanguage();
document.title = t('helperTitle');
const params = new URLSearchParams(location.search);
// Popup (fixed width), in-page panel (fills its iframe) or its own tab (a centred column).
document.body.classList.add(
  params.get('embedded') === '1' ? 'embedded' : params.has('tabId') ? 'tab' : 'popup',
);
// index.html's <main> holds the whole helper: one main landmark, all content inside it.
render(<App search={location.search} />, document.getElementById('app') as HTMLElement);
