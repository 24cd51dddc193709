/** @jsxImportSource react */
import type { AccountUser } from '../../wire';
import type { ScopeCategory } from '../catalog';
import { t } from '../runtime';
import { grantsOf, type WizardForm } from './form';

interface CreateStepProps {
  form: WizardForm;
  users: AccountUser[] | null;
  catalog: ScopeCategory[];
  /** The backend's refusal of Create (role=alert). */
  error: string | null;
}

/** Step 4: a read-only summary of everything that will be created. */
export function CreateStep({ form, users, catalog, error }: CreateStepProps) {
  const contact = users?.find((u) => u.email === form.primaryContact);
  const labels = new Map(catalog.map((c) => [c.id, c.label]));
  const grants = grantsOf(form, catalog);
  const rows: [string, string][] = [
    [t('tokenName'), form.tokenName.trim()],
    [t('description'), form.description || t('none')],
    [t('apiVersion'), t('versionOption', { n: form.version })],
    [t('primaryContact'), contact ? `${contact.name} <${contact.email}>` : form.primaryContact],
    [t('summaryEmails'), form.developerEmails.join(', ') || t('none')],
  ];
  return (
    <div className="step-body">
      <p className="step-intro">{t('reviewIntro')}</p>
      {error && (
        <p role="alert" className="banner-error">
          {error}
        </p>
      )}
      <dl className="summary">
        {rows.map(([term, value]) => (
          <div key={term} className="summary-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="summary-row">
          <dt>{t('summaryScopes')}</dt>
          <dd>
            <ul className="summary-scopes">
              {grants.map((g) => (
                <li key={g.category}>
                  <strong>{labels.get(g.category)}</strong> {g.methods.join(', ')}
                  {g.endpoints && (
                    <ul>
                      {g.endpoints.map((e) => (
                        <li key={`${e.method} ${e.path}`}>
                          {e.method} <code>{e.path}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </div>
  );
}
