import type { JSX } from 'preact';
import type { PageInfo } from '../core/protocol';
import { t } from '../platform/i18n';
import { API_PAGES } from './target';

/** Which page the helper is aimed at, or where to go when it is not an impact.com API page. */
export function PageSummary({ tabId, page }: { tabId?: number; page?: PageInfo }): JSX.Element {
  if (tabId === undefined) return <p class="notice">{t('noTab')}</p>;
  if (!page?.detected) {
    return (
      <div class="notice" role="note">
        <p>{t('pageNotImpact')}</p>
        <p>{t('pageNotImpactHint')}</p>
        <ul>
          <li>
            <a href={API_PAGES.partner} target="_blank" rel="noopener noreferrer">
              {t('partnerApiPage')}
            </a>
          </li>
          <li>
            <a href={API_PAGES.brand} target="_blank" rel="noopener noreferrer">
              {t('brandApiPage')}
            </a>
          </li>
        </ul>
        <p class="hint">{t('pageReloadHint')}</p>
      </div>
    );
  }
  const account = page.account || t('accountUnknown');
  return <p class="page">{t(page.kind === 'brand' ? 'pageBrand' : 'pagePartner', account)}</p>;
}
