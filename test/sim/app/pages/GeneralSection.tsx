/** @jsxImportSource react */
import { useId } from 'react';
import type { Lang } from '../../scenario';
import type { AccountInfo } from '../../wire';
import { storeLang } from '../locale/i18n';
import { lang, t } from '../runtime';

/** General settings: account facts and the language preference (a stored user setting). */
export function GeneralSection({ info }: { info: AccountInfo }) {
  const id = useId();
  const changeLang = (next: Lang) => {
    storeLang(next);
    // The real app reloads into the new language; so does this one.
    location.reload();
  };
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('general')}</h1>
      </div>
      <section className="card card-padded">
        <dl className="summary">
          <div className="summary-row">
            <dt>{t('account')}</dt>
            <dd>{info.name}</dd>
          </div>
          <div className="summary-row">
            <dt>ID</dt>
            <dd>{info.id}</dd>
          </div>
        </dl>
        <div className="field field-inline">
          <label className="field-label" htmlFor={id}>
            {t('language')}
          </label>
          <select
            id={id}
            className="select"
            value={lang}
            onChange={(e) => changeLang(e.target.value as Lang)}
          >
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </div>
      </section>
    </div>
  );
}
