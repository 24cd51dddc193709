/** @jsxImportSource react */
import { Fragment, type ReactNode, useId } from 'react';
import type { AccountUser, ScopeGrant } from '../../wire';
import { endpointId, type ScopeCategory } from '../catalog';
import { scenario, t } from '../runtime';
import { grantsOf, type WizardForm } from './form';

interface CreateStepProps {
  form: WizardForm;
  users: AccountUser[] | null;
  catalog: ScopeCategory[];
  /** The backend's refusal of Create (role=alert). */
  error: string | null;
}

/** One category's grants, worded as Scenario.summaryScopes says. */
function GrantItem({
  grant,
  label,
  paths,
}: {
  grant: ScopeGrant;
  label?: string;
  paths: string[];
}) {
  const words = scenario.summaryScopes;
  // Every ticked endpoint by its path alone (the per-method page has no paths: methods there).
  if (words === 'paths' && paths.length)
    return (
      <li>
        <strong>{label}</strong>
        <ul>
          {paths.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      </li>
    );
  return (
    <li>
      <strong>{label}</strong>{' '}
      {words === 'words'
        ? grant.methods.map((m) => t('summaryAllMethod', { method: m })).join(', ')
        : grant.methods.join(', ')}
      {grant.endpoints && (
        <ul>
          {grant.endpoints.map((e) => (
            <li key={`${e.method} ${e.path}`}>
              {e.method} <code>{e.path}</code>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The term/value pairs in the layout Scenario.summary asks for: a description list, Ant Design's
 * bordered Descriptions table (two items a row), or term/definition divs tied by aria-labelledby.
 */
function Summary({ rows }: { rows: [string, ReactNode][] }) {
  const id = useId();
  if (scenario.summary === 'table') {
    const pairs = rows.flatMap((_row, i) => (i % 2 ? [] : [rows.slice(i, i + 2)]));
    return (
      <table className="summary summary-table">
        <tbody>
          {pairs.map((pair) => (
            <tr key={pair[0]?.[0]}>
              {pair.map(([term, value]) => (
                <Fragment key={term}>
                  <th scope="row">{term}</th>
                  <td>{value}</td>
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (scenario.summary === 'labelledby')
    return (
      <div className="summary">
        {rows.map(([term, value], i) => (
          <div key={term} className="summary-row">
            {/* biome-ignore lint/a11y/useSemanticElements: div pairs with ARIA roles, the pattern this variant stands for */}
            <div role="term" id={`${id}-term-${i}`} className="summary-term">
              {term}
            </div>
            {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: WAI-ARIA's definition role: "reference the ID [of the term] with aria-labelledby on the definition" */}
            <div role="definition" aria-labelledby={`${id}-term-${i}`}>
              {value}
            </div>
          </div>
        ))}
      </div>
    );
  return (
    <dl className="summary">
      {rows.map(([term, value]) => (
        <div key={term} className="summary-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Step 4: a read-only summary of everything that will be created (Scenario.summary: or none). */
export function CreateStep({ form, users, catalog, error }: CreateStepProps) {
  const contact = users?.find((u) => u.email === form.primaryContact);
  const labels = new Map(catalog.map((c) => [c.id, c.label]));
  const grants = grantsOf(form, catalog);
  const tickedPaths = (id: string) =>
    (catalog.find((c) => c.id === id)?.endpoints ?? [])
      .filter((e) => (form.scopes[id] ?? []).includes(endpointId(e)))
      .map((e) => e.path);
  const rows: [string, ReactNode][] = [
    [t('tokenName'), form.tokenName.trim()],
    [t('description'), form.description || t('none')],
    [t('apiVersion'), t('versionOption', { n: form.version })],
    [t('primaryContact'), contact ? `${contact.name} <${contact.email}>` : form.primaryContact],
    [t('summaryEmails'), form.developerEmails.join(', ') || t('none')],
    [
      t('summaryScopes'),
      <ul key="scopes" className="summary-scopes">
        {grants.map((g) => (
          <GrantItem
            key={g.category}
            grant={g}
            label={labels.get(g.category)}
            paths={tickedPaths(g.category)}
          />
        ))}
      </ul>,
    ],
  ];
  return (
    <div className="step-body">
      <p className="step-intro">{t('reviewIntro')}</p>
      {error && (
        <p role="alert" className="banner-error">
          {error}
        </p>
      )}
      {scenario.summary !== 'none' && <Summary rows={rows} />}
    </div>
  );
}
