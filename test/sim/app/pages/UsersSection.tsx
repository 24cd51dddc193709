/** @jsxImportSource react */
import { useEffect, useState } from 'react';
import type { AccountUser } from '../../wire';
import { api } from '../api';
import { Spinner } from '../controls/Spinner';
import { t } from '../runtime';

/** Account users: the same people the wizard offers as Primary Contact. */
export function UsersSection() {
  const [users, setUsers] = useState<AccountUser[] | null>(null);
  useEffect(() => {
    api.users().then(setUsers);
  }, []);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('users')}</h1>
      </div>
      <section className="card">
        {users ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.email}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="loading-row">
            <Spinner /> {t('loading')}
          </p>
        )}
      </section>
    </div>
  );
}
