/** @jsxImportSource react */
import type { ScopeCategory } from '../catalog';
import { t } from '../runtime';
import { CategoryScopes, type ScopeChange } from './CategoryScopes';
import type { UpdateForm, WizardForm } from './form';

interface ScopesStepProps {
  form: WizardForm;
  update: UpdateForm;
  catalog: ScopeCategory[];
  /** "Select at least one" (role=alert) after a refused Next. */
  error: string | null;
}

/** Step 3: one card per API category (switch + method checkboxes), and "Clear All". */
export function ScopesStep({ form, update, catalog, error }: ScopesStepProps) {
  const setCategory = (id: string, change: ScopeChange) =>
    update((latest) => {
      const scopes = { ...latest.scopes };
      const methods = change(scopes[id] ?? null);
      if (methods) scopes[id] = methods;
      else delete scopes[id];
      return { scopes };
    });
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
            onChange={(change) => setCategory(category.id, change)}
          />
        ))}
      </div>
    </div>
  );
}
