/** @jsxImportSource react */
import type { SectionId } from '../routes';
import { t } from '../runtime';

/** Sections outside the simulation's scope: a heading and a note, enough to navigate through. */
export function PlaceholderSection({ section }: { section: SectionId }) {
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t(section)}</h1>
      </div>
      <section className="card card-padded">
        <p className="page-intro">{t('sectionPlaceholder')}</p>
      </section>
    </div>
  );
}
