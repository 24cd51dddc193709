/** @jsxImportSource react */
import { navigate } from '../navigation';
import { urlOfPage } from '../routes';
import { account, t } from '../runtime';

/** Any /secure/ path the simulation does not know: a page inside the app, as an SPA shows it. */
export function NotFoundPage() {
  const home = urlOfPage(account, { kind: 'home' });
  return (
    <main className="page">
      <section className="card card-padded">
        <h1>{t('pageNotFound')}</h1>
        <p className="page-intro">{t('pageNotFoundBody')}</p>
        <a
          href={home}
          className="button"
          onClick={(e) => {
            e.preventDefault();
            navigate(home);
          }}
        >
          {t('backHome')}
        </a>
      </section>
    </main>
  );
}
