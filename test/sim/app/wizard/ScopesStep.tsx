/** @jsxImportSource react */
import type { Method } from '../../scenario';
import type { ScopeCategory } from '../catalog';
import { t } from '../runtime';
import { CategoryScopes } from './CategoryScopes';
import type { WizardForm } from './form';

interface ScopesStepProps {
  form: WizardForm;
  update(patch: Partial<WizardForm>): void;
  catalog: ScopeCategory[];
  /** "Select at least one" (role=alert) after a refused Next. */
  error: string | null;
}

/** Step 3: one card per API category (switch + method checkboxes), and "Clear All". */
export function ScopesStep({ form, update, catalog, error }: ScopesStepProps) {
  const setCategory = (id: string, methods: Method[] | null) => {
    const scopes = { ...form.scopes };
    if (methods) scopes[id] = methods;
    else delete scopes[id];
    update({ scopes });
  };
  return (
    <div className="step-body">
      <div className="scopes-head">
        <p className="step-intro">{t('scopesIntro')}</p>
        <button type="button" className="button button-link" onClick={() => update({ scopes: {} })}>
          {t('clearAll')}
        </button>
      </div>
      {error && (
        <p role="alert" className="banner-error">
          {error}
        </p>
      )}
      <div className="scope-grid">
        {catalog.map((category) => (
          <CategoryScopes
            key={category.id}
            category={category}
            checked={form.scopes[category.id] ?? null}
            onChange={(methods) => setCategory(category.id, methods)}
          />
        ))}
      </div>
    </div>
  );
}
