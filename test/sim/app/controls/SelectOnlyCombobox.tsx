/** @jsxImportSource react */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { SelectProps } from './SelectField';

/**
 * The select-only combobox of the WAI-ARIA Authoring Practices (also MUI Select's shape): a
 * focusable div role=combobox named by its label only, showing the chosen text; its listbox sits
 * in place, hidden while closed, and the active option is announced through
 * aria-activedescendant (focus stays on the combobox). Click toggles the list; ArrowDown, Enter
 * or Space open it; arrows move the active option, Enter or Space choose it, Escape closes. As in
 * the APG example, aria-selected marks the active option, and leaving the combobox while the list
 * is open chooses the active option (a press on an option is not a leave).
 */
export function SelectOnlyCombobox({ label, options, value, onChange }: SelectProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const listId = `${id}-list`;
  const comboRef = useRef<HTMLDivElement>(null);
  const ignoreBlur = useRef(false);
  const [open, setOpen] = useState(false);
  const chosen = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );
  const [active, setActive] = useState(chosen);
  const optionId = (i: number) => `${listId}-${i}`;

  const show = (on: boolean) => {
    if (on) setActive(chosen);
    setOpen(on);
  };
  const choose = (i: number) => {
    const option = options[i];
    if (option) onChange(option.value);
    setActive(i);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = options.length - 1;
    if (!open) {
      if (!['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(e.key)) return;
      show(true);
    } else if (e.key === 'ArrowDown') setActive((i) => Math.min(last, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(last);
    else if (e.key === 'Enter' || e.key === ' ') choose(active);
    else if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'Tab') return choose(active);
    else return;
    e.preventDefault();
  };

  return (
    <div className="field">
      <div className="field-label" id={labelId}>
        {label}
      </div>
      <div
        ref={comboRef}
        role="combobox"
        tabIndex={0}
        className="select select-button"
        aria-controls={listId}
        aria-expanded={open}
        aria-haspopup="listbox"
        aria-labelledby={labelId}
        aria-activedescendant={open ? optionId(active) : undefined}
        onClick={() => show(!open)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (ignoreBlur.current) {
            ignoreBlur.current = false;
            return;
          }
          if (open) choose(active);
        }}
      >
        {options[chosen]?.text ?? ''}
        <span className="chevron" aria-hidden="true" />
      </div>
      <div
        role="listbox"
        id={listId}
        aria-labelledby={labelId}
        tabIndex={-1}
        className="listbox listbox-inline"
        style={open ? undefined : { display: 'none' }}
      >
        {options.map((o, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox handles the keys (APG)
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the combobox (aria-activedescendant)
          <div
            key={o.value}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'option option-active' : 'option'}
            onMouseDown={() => {
              ignoreBlur.current = true;
            }}
            onClick={() => {
              choose(i);
              comboRef.current?.focus();
            }}
          >
            {o.text}
          </div>
        ))}
      </div>
    </div>
  );
}
