import type { AccountKind } from '../scenario';

/**
 * Where each page lives, per account type. The API paths are impact.com's real ones (reference);
 * the other settings paths are plausible stand-ins in the same style.
 */
export type SectionId =
  | 'general'
  | 'users'
  | 'notifications'
  | 'api'
  | 'tracking'
  | 'postbacks'
  | 'payments';

export type Page =
  | { kind: 'home' }
  | { kind: 'settings'; section: SectionId }
  | { kind: 'notFound' };

interface AccountPaths {
  prefix: string;
  home: string;
  sections: Record<SectionId, string>;
}

const PATHS: Record<AccountKind, AccountPaths> = {
  partner: {
    prefix: '/secure/mediapartner/',
    home: '/secure/mediapartner/home/pview.ihtml',
    sections: {
      general: '/secure/mediapartner/accountSettings/mp-general.ihtml',
      users: '/secure/mediapartner/accountSettings/mp-users.ihtml',
      notifications: '/secure/mediapartner/accountSettings/mp-notifications.ihtml',
      api: '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml',
      tracking: '/secure/mediapartner/accountSettings/mp-tracking-settings.ihtml',
      postbacks: '/secure/mediapartner/accountSettings/mp-postbacks.ihtml',
      payments: '/secure/mediapartner/accountSettings/mp-payment-settings.ihtml',
    },
  },
  brand: {
    prefix: '/secure/advertiser/',
    home: '/secure/advertiser/home/pview.ihtml',
    sections: {
      general: '/secure/advertiser/accountSettings/adv-general.ihtml',
      users: '/secure/advertiser/accountSettings/adv-users.ihtml',
      notifications: '/secure/advertiser/accountSettings/adv-notifications.ihtml',
      api: '/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml',
      tracking: '/secure/advertiser/accountSettings/techintegration/adv-tracking-settings.ihtml',
      postbacks: '/secure/advertiser/accountSettings/techintegration/adv-postbacks.ihtml',
      payments: '/secure/advertiser/accountSettings/adv-payment-settings.ihtml',
    },
  },
};

/** The account type a path belongs to, or null for paths that name neither. */
export const accountOfPath = (path: string): AccountKind | null =>
  path.startsWith(PATHS.brand.prefix)
    ? 'brand'
    : path.startsWith(PATHS.partner.prefix)
      ? 'partner'
      : null;

export const pageOfPath = (account: AccountKind, path: string): Page => {
  const paths = PATHS[account];
  if (path === paths.home) return { kind: 'home' };
  for (const [section, sectionPath] of Object.entries(paths.sections)) {
    if (path === sectionPath) return { kind: 'settings', section: section as SectionId };
  }
  return { kind: 'notFound' };
};

/**
 * The URL of a page. The API page carries a flow token, as the real one does ("?execution=e3s1"),
 * so drivers are forced to match on path prefix rather than the full URL.
 */
export const urlOfPage = (account: AccountKind, page: Page): string => {
  if (page.kind === 'settings') {
    const path = PATHS[account].sections[page.section];
    return page.section === 'api' ? `${path}?execution=e1s1` : path;
  }
  return PATHS[account].home;
};

/** The same page for the other account type (used when Scenario.account forces one). */
export const pathForAccount = (path: string, to: AccountKind): string => {
  const from = accountOfPath(path) ?? 'partner';
  const page = pageOfPath(from, path);
  return page.kind === 'notFound'
    ? PATHS[to].home
    : (urlOfPage(to, page).split('?')[0] ?? PATHS[to].home);
};
