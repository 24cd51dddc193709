/** @jsxImportSource react */
import { useId, useState } from 'react';
import { t } from '../runtime';
import { type EmailFieldProps, emailProblem } from './email-check';

/**
 * React Select's creatable multi-select, as it renders: the text input is a role="combobox"
 * (aria-autocomplete="list", aria-expanded) named by a <label for>; while something is typed, a
 * menu offers 'Create "<text>"', which Enter picks. Chosen values are plain divs (no list, no
 * listitem), each with a role="button" "Remove <email>". Leaving the box clears what was typed
 * (React Select's onBlur resets the input); commas are just characters.
 */
export function EmailChips({ label, emails, onChange }: EmailFieldProps) {
  const id = useId();
  const menuId = `${id}-menu`;
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = () => {
    const address = draft.trim();
    if (!address) return;
    const problem = emailProblem(emails, address);
    if (problem) return setError(t(problem));
    onChange([...emails, address]);
    setDraft('');
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className={error ? 'tag-input tag-input-invalid' : 'tag-input'}>
        <div className="tags">
          {emails.map((email) => (
            <div key={email} className="tag">
              <div>{email}</div>
              {/* biome-ignore lint/a11y/useSemanticElements: React Select renders a div button */}
              <div
                role="button"
                tabIndex={-1}
                className="tag-remove"
                aria-label={t('removeEmail', { email })}
                onClick={() => onChange(emails.filter((e) => e !== email))}
                onKeyDown={() => {}}
              >
                ×
              </div>
            </div>
          ))}
        </div>
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={!!draft}
          aria-haspopup="true"
          aria-controls={draft ? menuId : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          className="tag-input-box"
          value={draft}
          onChange={(e) => {
            setError(null);
            setDraft(e.target.value);
          }}
          onBlur={() => setDraft('')}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            create();
          }}
        />
      </div>
      {draft && (
        <div role="listbox" id={menuId} className="chips-menu">
          <div
            role="option"
            aria-selected="true"
            tabIndex={-1}
            onClick={create}
            onKeyDown={() => {}}
          >
            {t('createOption', { value: draft.trim() })}
          </div>
        </div>
      )}
      {error && (
        <p role="alert" id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
