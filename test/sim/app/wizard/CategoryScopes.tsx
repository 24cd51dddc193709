/** @jsxImportSource react */
import { useId } from 'react';
import type { Method } from '../../scenario';
import type { ScopeCategory } from '../catalog';
import { Switch } from '../controls/Switch';

/** Checked methods while the switch is on; null while it is off. */
type Checked = Method[] | null;
/** Computes the new state from the latest one, so rapid clicks compose. */
export type ScopeChange = (latest: Checked) => Checked;

interface CategoryScopesProps {
  category: ScopeCategory;
  checked: Checked;
  onChange(change: ScopeChange): void;
}

/**
 * One API category: a role=group named by the category, holding a switch of the same name and,
 * while it is on, checkboxes labelled only "GET", "POST"… — so "GET" is ambiguous in the dialog
 * and must be looked up inside its category's group.
 */
export function CategoryScopes({ category, checked, onChange }: CategoryScopesProps) {
  const id = useId();
  const on = checked !== null;
  const tick = (method: Method, value: boolean) =>
    onChange((latest) => {
      const others = (latest ?? []).filter((m) => m !== method);
      return value ? [...others, method] : others;
    });
  return (
    // A div group, as card-based design systems build it (a fieldset would be the semantic twin).
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      role="group"
      aria-labelledby={`${id}-name`}
      className={on ? 'scope-card scope-card-on' : 'scope-card'}
    >
      <div className="scope-card-head">
        <span id={`${id}-name`} className="scope-name">
          {category.label}
        </span>
        {/* Switching off forgets the methods; switching on starts with none checked. */}
        <Switch
          checked={on}
          labelledBy={`${id}-name`}
          onChange={(value) => onChange(() => (value ? [] : null))}
        />
      </div>
      {on && (
        <div className="methods">
          {category.methods.map((method) => (
            <label key={method} className="checkbox">
              <input
                type="checkbox"
                checked={checked.includes(method)}
                onChange={(e) => tick(method, e.target.checked)}
              />
              {method}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
