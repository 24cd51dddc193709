/** @jsxImportSource react */
import { useId, useState } from 'react';
import { t } from '../runtime';
import { type EmailFieldProps, emailProblem } from './email-check';

/**
 * A tag input: type an address, then Enter, a comma or leaving the box (blur, as MUI's
 * Autocomplete `autoSelect` and react-tag-input's `addOnBlur` do) turns it into a tag. Text still
 * in the box when the step changes is dropped, as in most tag inputs; a driver has to confirm its
 * tags.
 */
export function EmailTags({ label, emails, onChange }: EmailFieldProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  /** Adds every valid new address; returns the first refused text, to leave in the box. */
  const addAll = (texts: string[]): string => {
    let list = emails;
    let refused = '';
    for (const text of texts) {
      const address = text.trim();
      if (!address) continue;
      const problem = emailProblem(list, address);
      if (problem) {
        setError(t(problem));
        refused ||= text;
      } else {
        list = [...list, address];
      }
    }
    if (list !== emails) onChange(list);
    return refused;
  };

  const onType = (value: string) => {
    setError(null);
    // A comma (typed or pasted) ends every address before it.
    const parts = value.split(',');
    const tail = parts.pop() ?? '';
    setDraft(addAll(parts) || tail);
  };

  return (
    <div className="field">
      <label className="field-label" id={labelId} htmlFor={id}>
        {label}
      </label>
      <div className={error ? 'tag-input tag-input-invalid' : 'tag-input'}>
        {/* role="list" is explicit because list-style: none drops list semantics in some browsers. */}
        {/* biome-ignore lint/a11y/noRedundantRoles: see above */}
        <ul role="list" aria-labelledby={labelId} className="tags">
          {emails.map((email) => (
            <li key={email} className="tag">
              <span>{email}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('removeEmail', { email })}
                onClick={() => onChange(emails.filter((e) => e !== email))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          type="text"
          inputMode="email"
          autoComplete="off"
          className="tag-input-box"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onType(e.target.value)}
          onBlur={() => setDraft(addAll([draft]))}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            setDraft(addAll([draft]));
          }}
        />
      </div>
      <p className="field-hint">{t('emailsHint')}</p>
      {error && (
        <p role="alert" id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
