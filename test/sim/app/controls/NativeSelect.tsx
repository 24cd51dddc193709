/** @jsxImportSource react */
import { useId } from 'react';
import type { SelectProps } from './SelectField';

/** The Scenario.nativeSelects variant: a plain <select> labelled by <label for>. */
export function NativeSelect({ label, options, value, onChange }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
