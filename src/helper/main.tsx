// zod must be told before any schema runs: extension pages forbid the eval its fast path probes.
import '../core/zod-jitless';
import { render } from 'preact';
import { t, uiLanguage } from '../platform/i18n';
import { App } from './app';
import './styles.css';

document.documentElement.lang = uiLanguage();
document.title = t('helperTitle');
if (new URLSearchParams(location.search).get('embedded') === '1')
  document.body.classList.add('embedded');
render(<App search={location.search} />, document.getElementById('app') as HTMLElement);
