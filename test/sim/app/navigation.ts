import { useSyncExternalStore } from 'react';

/**
 * Client-side navigation, as in the real single-page app: moving between sections uses
 * history.pushState and the wizard uses a hash route, so no document load ever happens and a
 * content script must notice changes on its own.
 */
const NAVIGATE_EVENT = 'sim:navigate';

export const navigate = (url: string) => {
  history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
};

const subscribe = (onChange: () => void) => {
  for (const type of ['popstate', 'hashchange', NAVIGATE_EVENT])
    window.addEventListener(type, onChange);
  return () => {
    for (const type of ['popstate', 'hashchange', NAVIGATE_EVENT])
      window.removeEventListener(type, onChange);
  };
};

export const usePathname = () => useSyncExternalStore(subscribe, () => location.pathname);
export const useHash = () => useSyncExternalStore(subscribe, () => location.hash);

/** The wizard's hash route, like the real page's "#/..." routes. */
export const WIZARD_HASH = '#/create';
export const openWizardRoute = () => {
  location.hash = WIZARD_HASH;
};
export const closeWizardRoute = () => {
  location.hash = '#/';
};
