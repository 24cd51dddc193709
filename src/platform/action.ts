import type { PageInfo } from '../core/protocol';
import { ext as browser } from './ext';
import { t } from './i18n';

/**
 * The toolbar badge, per tab: it tells the person at a glance that this tab is an impact.com API
 * page the helper can fill. Other tabs keep a plain icon.
 */
export async function showPageBadge(tabId: number, info: PageInfo): Promise<void> {
  const on = info.detected === true;
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: on ? 'API' : '' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: on ? '#1a7f37' : '#6e7781' }),
    browser.action.setTitle({
      tabId,
      title: on ? `${t('actionTitle')}: ${t('badgeDetected')}` : t('actionTitle'),
    }),
  ]);
}
