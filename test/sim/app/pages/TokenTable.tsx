/** @jsxImportSource react */
import type { TokenRow } from '../../wire';
import { lang, t } from '../runtime';

const dateFormat = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
  dateStyle: 'medium',
});

/** The list of existing access tokens. */
export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  if (tokens.length === 0) return <p className="empty">{t('noTokens')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('colName')}</th>
          <th scope="col">{t('colVersion')}</th>
          <th scope="col">{t('colState')}</th>
          <th scope="col">{t('colCreated')}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <td>
              <span className="token-name">{token.name}</span>
              {token.description && <span className="token-description">{token.description}</span>}
            </td>
            <td>{token.version}</td>
            <td>
              <span className={`badge badge-${token.state}`}>
                {token.state === 'active' ? t('stateActive') : t('stateDisabled')}
              </span>
            </td>
            <td>{dateFormat.format(new Date(token.createdAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
