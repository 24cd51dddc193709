/** @jsxImportSource react */
import { type ReactNode, useId, useState } from 'react';
import { endpointId, type ScopeCategory, type ScopeEndpoint } from '../catalog';
import { Switch } from '../controls/Switch';
import { scenario } from '../runtime';

/** Grant ids ticked while the category is on (methods, or "METHOD /path"); null while off. */
type Checked = string[] | null;
/** Computes the new state from the latest one, so rapid clicks compose. */
export type ScopeChange = (latest: Checked) => Checked;

interface CategoryScopesProps {
  category: ScopeCategory;
  checked: Checked;
  onChange(change: ScopeChange): void;
}

/**
 * One API category: a toggle named by the category and, while it is on, its rows. The rows are
 * one checkbox per endpoint (checkbox on the left, method, path and/or summary beside it: the
 * help page's "check the checkboxes on the left"), or on the older page one checkbox labelled
 * only "GET", "POST"… — so "GET" is ambiguous in the dialog and must be looked up inside its
 * category. Toggle and layout vary by scenario (categoryToggle, categoryLayout), after the
 * design systems' own markup; rows are rendered only while the category is on, as real apps do.
 */
export function CategoryScopes({ category, checked, onChange }: CategoryScopesProps) {
  const id = useId();
  const nameId = `${id}-name`;
  const regionId = `${id}-rows`;
  // Accordion categories: open/closed is view state; the grants persist while closed.
  const [expanded, setExpanded] = useState(false);
  const accordion = scenario.categoryToggle === 'expand';
  const on = accordion ? expanded : checked !== null;
  const layout = scenario.categoryLayout;

  const tick = (grant: string, value: boolean) =>
    onChange((latest) => {
      const others = (latest ?? []).filter((g) => g !== grant);
      return value ? [...others, grant] : others;
    });
  const ticked = checked ?? [];
  const rows =
    category.endpoints.length > 0 ? (
      <EndpointRows endpoints={category.endpoints} ticked={ticked} onTick={tick} />
    ) : (
      <div className="methods">
        {category.methods.map((method) => (
          <label key={method} className="checkbox">
            <input
              type="checkbox"
              checked={ticked.includes(method)}
              onChange={(e) => tick(method, e.target.checked)}
            />
            {method}
          </label>
        ))}
      </div>
    );

  // Switching off forgets the grants; switching on starts with none ticked.
  const setOn = (value: boolean) => onChange(() => (value ? [] : null));
  const controls = layout === 'controls' && on ? regionId : undefined;
  let head: ReactNode;
  if (scenario.categoryToggle === 'checkbox')
    head = (
      <label className="scope-name checkbox">
        <input
          type="checkbox"
          checked={on}
          aria-controls={controls}
          onChange={(e) => setOn(e.target.checked)}
        />
        <span id={nameId}>{category.label}</span>
      </label>
    );
  else if (accordion)
    head = (
      <h3 className="scope-name">
        <button
          type="button"
          id={nameId}
          className="accordion-button"
          aria-expanded={expanded}
          aria-controls={controls}
          onClick={() => {
            setExpanded(!expanded);
            if (checked === null) onChange((latest) => latest ?? []);
          }}
        >
          {category.label}
          <span aria-hidden="true">{expanded ? ' ▴' : ' ▾'}</span>
        </button>
      </h3>
    );
  else
    head = (
      <>
        <span id={nameId} className="scope-name">
          {category.label}
        </span>
        <Switch checked={on} labelledBy={nameId} controls={controls} onChange={setOn} />
      </>
    );

  const cardClass = on ? 'scope-card scope-card-on' : 'scope-card';
  if (layout === 'group')
    return (
      // A div group, as card-based design systems build it (a fieldset would be the semantic twin).
      // biome-ignore lint/a11y/useSemanticElements: see above
      <div role="group" aria-labelledby={nameId} className={cardClass}>
        <div className="scope-card-head">{head}</div>
        {on && rows}
      </div>
    );
  return (
    <div className={cardClass}>
      <div className="scope-card-head">{head}</div>
      {on &&
        (layout === 'controls' ? (
          <section id={regionId} aria-labelledby={nameId}>
            {rows}
          </section>
        ) : (
          // The toggle is not inside this group: it only follows the toggle's header row.
          // biome-ignore lint/a11y/useSemanticElements: as above
          <div role="group" aria-label={`${category.label} scopes`}>
            {rows}
          </div>
        ))}
    </div>
  );
}

interface EndpointRowsProps {
  endpoints: ScopeEndpoint[];
  ticked: string[];
  onTick(grant: string, value: boolean): void;
}

function EndpointRows({ endpoints, ticked, onTick }: EndpointRowsProps) {
  const text = scenario.endpointText;
  const showPath = text !== 'summary';
  const showSummary = text !== 'path';
  if (scenario.endpointRow === 'table')
    return (
      <table className="endpoint-table">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">Select</span>
            </th>
            <th>Method</th>
            {showPath && <th>Endpoint</th>}
            {showSummary && <th>Description</th>}
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={endpointId(e)}>
              <td>
                <input
                  type="checkbox"
                  aria-label={showSummary ? e.summary : e.shownPath}
                  checked={ticked.includes(endpointId(e))}
                  onChange={(ev) => onTick(endpointId(e), ev.target.checked)}
                />
              </td>
              <td>
                <span className="method-badge">{e.method}</span>
              </td>
              {showPath && (
                <td>
                  <code>{e.shownPath}</code>
                </td>
              )}
              {showSummary && <td>{e.summary}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <ul className="endpoint-list">
      {endpoints.map((e) => (
        <li key={endpointId(e)}>
          <label className="checkbox endpoint-row">
            <input
              type="checkbox"
              checked={ticked.includes(endpointId(e))}
              onChange={(ev) => onTick(endpointId(e), ev.target.checked)}
            />
            <span className="method-badge">{e.method}</span>
            {showPath && <code>{e.shownPath}</code>}
            {showSummary && <span className="endpoint-summary">{e.summary}</span>}
          </label>
        </li>
      ))}
    </ul>
  );
}
