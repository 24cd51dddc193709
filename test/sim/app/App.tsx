/** @jsxImportSource react */
import { useEffect, useState } from 'react';
import type { AccountInfo } from '../wire';
import { api } from './api';
import { Spinner } from './controls/Spinner';
import { usePathname } from './navigation';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SettingsPage } from './pages/SettingsPage';
import { pageOfPath } from './routes';
import { account, t } from './runtime';
import { TopBar } from './shell/TopBar';

/** The app shell: renders whatever page the current location names, once the account loaded. */
export function App() {
  const [info, setInfo] = useState<AccountInfo | null>(null);
  const page = pageOfPath(account, usePathname());

  useEffect(() => {
    api.account().then(setInfo);
  }, []);

  useEffect(() => {
    const title = page.kind === 'settings' ? `${t(page.section)} · ${t('settings')}` : t('home');
    document.title = `${title} | impact.com`;
  }, [page]);

  return (
    <div className="app">
      <TopBar info={info} />
      {!info ? (
        <div className="splash">
          <Spinner /> {t('loading')}
        </div>
      ) : page.kind === 'home' ? (
        <HomePage />
      ) : page.kind === 'settings' ? (
        <SettingsPage section={page.section} info={info} />
      ) : (
        <NotFoundPage />
      )}
    </div>
  );
}
