/** @jsxImportSource react */
import { useId, useState } from 'react';
import { t } from '../runtime';
import { type EmailFieldProps, emailProblem } from './email-check';

/** "a@x.example, b@y.example" -> its addresses (commas, as the HTML standard's list input). */
const split = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * One plain `<input type="email" multiple>` for a comma-separated list, the HTML standard's
 * list-of-addresses input: no tags, the text is the value. A bad entry is named in a role="alert"
 * once the person leaves the box.
 */
export function EmailList({ label, emails, onChange }: EmailFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [text, setText] = useState(() => emails.join(', '));
  const [error, setError] = useState<string | null>(null);

  const check = () => {
    const seen: string[] = [];
    for (const address of split(text)) {
      const problem = emailProblem(seen, address);
      if (problem) return setError(t(problem));
      seen.push(address);
    }
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="email"
        multiple
        autoComplete="off"
        className="input"
        value={text}
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setError(null);
          setText(e.target.value);
          onChange(split(e.target.value));
        }}
        onBlur={check}
      />
      <p className="field-hint" id={hintId}>
        {t('emailsListHint')}
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
