import type { JSX } from 'preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { privilegeWarnings } from '../core/least-privilege';
import { scopeDrift } from '../core/scope-catalog';
import { categoryKey, type Scope } from '../core/scopes';
import { t } from '../platform/i18n';
import { grantText } from './grant-text';
import { memo } from './memo';
import {
  type CategoryMatch,
  filterPicker,
  isGranted,
  isWrite,
  methodCounts,
  missingIn,
  type PickerCategory,
  type PickerEndpoint,
  pickerCategories,
  pinnedIds,
  readOnlyScopes,
  setEndpointGrant,
  setMethodGrant,
  withGranted,
} from './scope-picker-model';
import type { ShownCatalog } from './shown-catalog';

export type ScopesUpdate = (update: (scopes: Scope[]) => Scope[]) => void;

interface Props {
  scopes: Scope[];
  /** A stable function (its identity must not change between renders: the picker is memoized). */
  onChange: ScopesUpdate;
  shown: ShownCatalog;
}

const MISSING_ID = 'scopes-missing';

/**
 * The scope picker: categories, each a disclosure (WAI-ARIA APG "Disclosure") holding its
 * method grants ("Actions GET": every GET endpoint) and its endpoints grouped by method, a filter
 * box, counts, least-privilege and drift marks. Collapsed except where something is granted or
 * the filter matches; collapsed rows stay in the document, hidden, so every control keeps its
 * name. Memoized on its props, and each category on its own, so a run's progress re-renders
 * nothing here and a click re-renders one category.
 */
export const ScopePicker = memo(function ScopePicker({ scopes, onChange, shown }: Props) {
  const [query, setQuery] = useState('');
  // Open at first: the categories that grant something (the picker is re-mounted per preset).
  const [opened, setOpened] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(scopes.map((s) => [categoryKey(s.category), true])),
  );
  // While a filter is typed, every matching category is open unless closed since it was typed.
  const [filterOpened, setFilterOpened] = useState<Record<string, boolean>>({});
  const base = useMemo(() => pickerCategories(shown.catalog), [shown.catalog]);
  const rows = useMemo(() => withGranted(base, scopes), [base, scopes]);
  const grants = useMemo(() => new Map(scopes.map((s) => [categoryKey(s.category), s])), [scopes]);
  const matches = useMemo(() => filterPicker(rows, query), [rows, query]);
  // Drift against the public catalog means nothing: only a page's own list is evidence.
  const drift = useMemo(
    () => (shown.source === 'public' ? [] : scopeDrift(scopes, shown.catalog)),
    [scopes, shown],
  );
  const missing = useMemo(() => missingIn(drift), [drift]);
  const warnings = useMemo(
    () =>
      privilegeWarnings(
        { scopes },
        shown.catalog.map((c) => c.category),
      ),
    [scopes, shown.catalog],
  );
  const filtering = !!matches;
  const toggle = useCallback(
    (key: string, open: boolean) =>
      (filtering ? setFilterOpened : setOpened)((o) => ({ ...o, [key]: open })),
    [filtering],
  );

  const visible = matches ? rows.filter((r) => matches.has(r.key)) : rows;
  const hint =
    shown.source === 'page'
      ? t('scopesFromPage')
      : shown.source === 'seen'
        ? t('scopesFromSeen', shown.version ?? '')
        : t('scopesFromReference');
  return (
    <fieldset class="scopes">
      <legend>{t('scopes')}</legend>
      <p class="hint">{hint}</p>
      {rows.some((r) => r.unseen) && <p class="hint">{t('scopeUnseen')}</p>}
      <div class="row">
        <button type="button" onClick={() => onChange(() => [])}>
          {t('clearAllScopes')}
        </button>
        <button type="button" onClick={() => onChange(readOnlyScopes)}>
          {t('getOnlyScopes')}
        </button>
      </div>
      <div class="field">
        <label for="scope-filter">{t('scopeFilter')}</label>
        <input
          id="scope-filter"
          type="search"
          value={query}
          aria-describedby="scope-filter-hint"
          aria-controls="scope-list"
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setFilterOpened({});
          }}
        />
        <p id="scope-filter-hint" class="hint" aria-live="polite">
          {matches
            ? t('scopeFilterCount', [String(visible.length), String(rows.length)])
            : t('scopeFilterHint')}
        </p>
      </div>
      <ul id="scope-list" class="picker">
        {visible.map((row) => {
          const grant = grants.get(row.key);
          const match = matches?.get(row.key);
          return (
            <CategoryRow
              key={row.key}
              row={row}
              grant={grant}
              match={match}
              open={match ? (filterOpened[row.key] ?? true) : (opened[row.key] ?? false)}
              missing={missing.get(row.key) ?? ''}
              onToggle={toggle}
              onChange={onChange}
            />
          );
        })}
      </ul>
      {matches && visible.length === 0 && <p class="hint">{t('scopeFilterNone')}</p>}
      {drift.length > 0 && (
        <p id={MISSING_ID} class="error">
          ⚠ {t('scopeNotOffered')}: {drift.map(grantText).join(', ')}
        </p>
      )}
      {shown.changes && shown.changes.length > 0 && <CatalogChanges shown={shown} />}
      {scopes.length === 0 && <p class="hint">{t('noScopes')}</p>}
      {warnings.map((w) => (
        <p key={w.code} class="warning" role="note">
          ⚠{' '}
          {w.code === 'write-scopes'
            ? t('warnWrite', w.grants.map(grantText).join(', '))
            : t('warnAll')}
        </p>
      ))}
    </fieldset>
  );
});

interface RowProps {
  row: PickerCategory;
  grant?: Scope;
  match?: CategoryMatch;
  open: boolean;
  /** Drift ids of this category (missingIn), joined: a string compares cheaply. */
  missing: string;
  onToggle(key: string, open: boolean): void;
  onChange: ScopesUpdate;
}

const CategoryRow = memo(function CategoryRow(props: RowProps): JSX.Element {
  const { row, grant, match, open, onChange } = props;
  const missing = new Set(props.missing ? props.missing.split('\n') : []);
  const pinned = pinnedIds(row, grant);
  const counts = methodCounts(row, grant);
  const panel = `scopes-${row.key.replace(/[^a-z0-9]+/g, '-')}`;
  const granted = counts.filter((c) => c.granted > 0 || c.whole);
  const summary = granted.length
    ? granted
        .map((c) =>
          c.total ? t('scopeCount', [String(c.granted), String(c.total), c.method]) : c.method,
        )
        .join(', ')
    : t('scopeCountNone');
  const groups = match ? row.groups.filter((g) => match.methods.has(g.method)) : row.groups;
  const countId = `${panel}-count`;
  const hasEndpoints = row.groups.some((g) => g.endpoints.length > 0);
  return (
    <li class={grant ? 'category granted' : 'category'}>
      <div class="category-head">
        {hasEndpoints ? (
          <button
            type="button"
            class="disclosure"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={open ? panel : undefined}
            aria-describedby={countId}
            onClick={() => props.onToggle(row.key, !open)}
          >
            {/* Drawn by CSS, with no text: nothing of it joins the name, nor axe's contrast check. */}
            <span class={open ? 'chevron open' : 'chevron'} aria-hidden="true" />
            {row.category}
          </button>
        ) : (
          // A page with one checkbox per method: nothing to open, the method grants are all.
          <span class="category-name">{row.category}</span>
        )}
        <span id={countId} class="count">
          {row.unseen ? `${summary} · ${t('scopeUnseenShort')}` : summary}
        </span>
      </div>
      {/* The method grants stay in view while the category is closed: one click, every GET. */}
      <div class="row grants">
        {groups.map((g) => {
          const whole = !!grant?.methods.includes(g.method);
          const methodMissing = missing.has(`method:${g.method}`);
          const count = counts.find((c) => c.method === g.method);
          const hintId = `${panel}-${g.method}`;
          return (
            <span key={g.method} class={methodMissing ? 'method missing' : 'method'}>
              <label class="check">
                <input
                  type="checkbox"
                  aria-label={`${row.category} ${g.method}`}
                  aria-describedby={methodMissing ? `${MISSING_ID} ${hintId}` : hintId}
                  checked={whole}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    onChange((scopes) => setMethodGrant(scopes, row, g.method, on));
                  }}
                />
                <span class="verb">{g.method}</span>
              </label>
              <span id={hintId} hidden>
                {count?.total ? t('scopeMethodAll', String(count.total)) : t('scopeMethodOnly')}
              </span>
              {whole && isWrite(g.method) && <WriteMark />}
              {methodMissing && <MissingMark />}
            </span>
          );
        })}
      </div>
      {/* Rendered only while open: a category's rows are many, and every one costs (Firefox's
          accessibility queries walk them all). */}
      {open && hasEndpoints && (
        <div id={panel} class="endpoints-panel">
          {groups
            .filter((g) => g.endpoints.length > 0)
            .map((g) => (
              <ul key={g.method} class="endpoints" aria-label={`${row.category} ${g.method}`}>
                {g.endpoints
                  .filter((e) => !match?.endpoints || match.endpoints.has(e.id))
                  .map((e) => (
                    <EndpointRow
                      key={e.id}
                      row={row}
                      endpoint={e}
                      checked={isGranted(e, grant, pinned)}
                      missing={missing.has(e.id)}
                      onChange={onChange}
                    />
                  ))}
              </ul>
            ))}
        </div>
      )}
    </li>
  );
});

function EndpointRow({
  row,
  endpoint,
  checked,
  missing,
  onChange,
}: {
  row: PickerCategory;
  endpoint: PickerEndpoint;
  checked: boolean;
  missing: boolean;
  onChange: ScopesUpdate;
}): JSX.Element {
  const words = [endpoint.method, endpoint.path, endpoint.summary].filter(Boolean).join(' ');
  return (
    <li class={missing ? 'endpoint missing' : 'endpoint'}>
      <label class="check">
        <input
          type="checkbox"
          aria-label={`${row.category} ${words}`}
          aria-describedby={missing ? MISSING_ID : undefined}
          checked={checked}
          // A row the page shows by summary only cannot be pinned: its method grant covers it.
          disabled={endpoint.path === undefined}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            onChange((scopes) => setEndpointGrant(scopes, row, endpoint, on));
          }}
        />
        <span class="verb">{endpoint.method}</span>
        <span class="endpoint-text">
          {endpoint.path && <code>{endpoint.path}</code>}
          {endpoint.summary && <span class="summary">{endpoint.summary}</span>}
        </span>
      </label>
      {checked && isWrite(endpoint.method) && <WriteMark />}
      {missing && <MissingMark />}
    </li>
  );
}

const WriteMark = () => <span class="mark warn">⚠ {t('scopeWriteMark')}</span>;
const MissingMark = () => <span class="mark drift">⚠ {t('scopeNotOffered')}</span>;

function CatalogChanges({ shown }: { shown: ShownCatalog }): JSX.Element {
  const lines = (shown.changes ?? []).flatMap((c) => [
    ...c.appeared.map((e) => ({
      key: `+${c.category}${e.method}${e.path ?? e.summary}`,
      c,
      e,
      kind: 'appeared',
    })),
    ...c.vanished.map((e) => ({
      key: `-${c.category}${e.method}${e.path ?? e.summary}`,
      c,
      e,
      kind: 'vanished',
    })),
  ]);
  return (
    <details class="catalog-changes">
      <summary>{t('catalogChanged', String(lines.length))}</summary>
      <ul>
        {lines.map(({ key, c, e, kind }) => (
          <li key={key}>
            {t(kind === 'appeared' ? 'catalogAppeared' : 'catalogVanished', [
              c.category,
              [e.method, e.path ?? e.summary].filter(Boolean).join(' '),
            ])}
          </li>
        ))}
      </ul>
    </details>
  );
}
