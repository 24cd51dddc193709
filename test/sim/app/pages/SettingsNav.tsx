/** @jsxImportSource react */
import type { MessageKey } from '../locale/en';
import { navigate } from '../navigation';
import { type SectionId, urlOfPage } from '../routes';
import { account, t } from '../runtime';

const GROUPS: { title: MessageKey; sections: SectionId[] }[] = [
  { title: 'groupAccount', sections: ['general', 'users', 'notifications'] },
  { title: 'groupTechnical', sections: ['api', 'tracking', 'postbacks'] },
  { title: 'groupFinance', sections: ['payments'] },
];

/** The settings sections, grouped as the help centre describes ("under Technical, select API"). */
export function SettingsNav({ current }: { current: SectionId }) {
  return (
    <nav className="settings-nav" aria-label={t('settingsNav')}>
      <h2 className="settings-nav-title">{t('settings')}</h2>
      {GROUPS.map((group) => (
        <div key={group.title} className="nav-group">
          <h3 className="nav-group-title">{t(group.title)}</h3>
          <ul>
            {group.sections.map((section) => {
              const url = urlOfPage(account, { kind: 'settings', section });
              return (
                <li key={section}>
                  <a
                    href={url}
                    className="nav-link"
                    aria-current={section === current ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(url);
                    }}
                  >
                    {t(section)}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
