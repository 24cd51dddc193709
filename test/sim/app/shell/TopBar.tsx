/** @jsxImportSource react */
import type { AccountInfo } from '../../wire';
import { navigate } from '../navigation';
import { urlOfPage } from '../routes';
import { account, t } from '../runtime';
import { ProfileMenu } from './ProfileMenu';

/** Main-menu entries besides Home lead to pages outside the simulation ("Page not found"). */
const MAIN_LINKS = [
  { key: 'reports', path: 'reports/pview.ihtml' },
  { key: 'partners', path: 'partners/pview.ihtml' },
  { key: 'content', path: 'content/pview.ihtml' },
] as const;

const link = (url: string) => ({
  href: url,
  onClick: (e: { preventDefault(): void }) => {
    e.preventDefault();
    navigate(url);
  },
});

/** The top bar: logo, main menu, the account (aria-label "Account") and the profile menu. */
export function TopBar({ info }: { info: AccountInfo | null }) {
  const home = urlOfPage(account, { kind: 'home' });
  const base = home.replace('home/pview.ihtml', '');
  return (
    <header className="topbar">
      <a className="logo" {...link(home)}>
        <span className="logo-mark" aria-hidden="true" />
        impact.com
      </a>
      <nav className="topnav" aria-label="Main">
        <a className="topnav-link" {...link(home)}>
          {t('home')}
        </a>
        {MAIN_LINKS.map((l) => (
          <a key={l.key} className="topnav-link" {...link(base + l.path)}>
            {t(l.key)}
          </a>
        ))}
      </nav>
      <div className="topbar-right">
        {/* The driver reads the account name from this element's text, e.g. "Acme Media (1234567)". */}
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the driver's contract names it by aria-label alone */}
        <div className="account-chip" aria-label={t('account')}>
          {info ? `${info.name} (${info.id})` : ''}
        </div>
        <ProfileMenu user={info?.user ?? null} />
      </div>
    </header>
  );
}
