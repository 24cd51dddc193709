/** @jsxImportSource react */
import type { AccountInfo } from '../../wire';
import type { SectionId } from '../routes';
import { ApiPage } from './ApiPage';
import { GeneralSection } from './GeneralSection';
import { PlaceholderSection } from './PlaceholderSection';
import { SettingsNav } from './SettingsNav';
import { UsersSection } from './UsersSection';

/** Settings: the section list on the left, the chosen section on the right. */
export function SettingsPage({ section, info }: { section: SectionId; info: AccountInfo }) {
  return (
    <div className="settings">
      <SettingsNav current={section} />
      <main className="settings-main">
        {section === 'api' ? (
          <ApiPage info={info} />
        ) : section === 'general' ? (
          <GeneralSection info={info} />
        ) : section === 'users' ? (
          <UsersSection />
        ) : (
          <PlaceholderSection section={section} />
        )}
      </main>
    </div>
  );
}
