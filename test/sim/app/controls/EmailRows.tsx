/** @jsxImportSource react */
import { useId, useState } from 'react';
import { t } from '../runtime';
import type { EmailFieldProps } from './email-check';

/**
 * Dynamic fields (Ant Design's Form.List, MUI's "add another" pattern): a role="group" named by
 * the field label holds one input per address ("Email 1", "Email 2", each with its own remove
 * button) and an "Add email" button that adds an empty one and focuses it. Empty rows are not
 * submitted.
 */
export function EmailRows({ label, emails, onChange }: EmailFieldProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const [rows, setRows] = useState(() => emails);
  const [focus, setFocus] = useState<number | null>(null);

  const save = (next: string[]) => {
    setRows(next);
    onChange(next.map((r) => r.trim()).filter(Boolean));
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: Ant Design's Form.List renders a div, not a fieldset
    <div className="field" role="group" aria-labelledby={labelId}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      {rows.map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, like Form.List keys
        <div key={i} className="email-row">
          <input
            type="email"
            className="input"
            aria-label={t('emailRow', { n: i + 1 })}
            value={value}
            autoComplete="off"
            ref={(el) => {
              if (el && focus === i) {
                el.focus();
                setFocus(null);
              }
            }}
            onChange={(e) => save(rows.map((r, j) => (j === i ? e.target.value : r)))}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t('removeEmailRow', { n: i + 1 })}
            onClick={() => save(rows.filter((_, j) => j !== i))}
          >
            −
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          setRows([...rows, '']);
          setFocus(rows.length);
        }}
      >
        {t('addEmail')}
      </button>
    </div>
  );
}
