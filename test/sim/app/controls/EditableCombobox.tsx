/** @jsxImportSource react */
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { sampleDelay } from '../latency';
import { t } from '../runtime';
import type { SelectOption, SelectProps } from './SelectField';

type Placement = { top: number; left: number; width: number };

/** MUI Autocomplete's default filter: the option text contains the typed text, any case. */
const fits = (o: SelectOption, typed: string) =>
  o.text.toLowerCase().includes(typed.trim().toLowerCase());

/**
 * An editable combobox, as MUI Autocomplete, React Select and the WAI-ARIA APG "list
 * autocomplete" combobox render it: an input role=combobox (aria-autocomplete="list") labelled by
 * <label for>, whose text is the chosen option's. A press on the input toggles the list; typing
 * opens it and filters it after a debounce (the list shows "Searching…" meanwhile, as an async
 * search does; nothing fits: "No options" and no listbox). The listbox is portalled to body;
 * options are chosen by a click (a press on them keeps focus in the input) or with
 * ArrowDown/ArrowUp and Enter through aria-activedescendant. Leaving the input closes the list
 * and puts the chosen option's text back (MUI's clearOnBlur).
 */
export function EditableCombobox({ label, options, value, onChange }: SelectProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const labelId = `${id}-label`;
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const selected = options.find((o) => o.value === value);
  const [text, setText] = useState(selected?.text ?? '');
  /** The text the shown list was filtered by; null while the search is running. */
  const [filteredBy, setFilteredBy] = useState<string | null>('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [place, setPlace] = useState<Placement | null>(null);

  // The chosen value may change from outside (late reset): show its text when not editing.
  const selectedText = selected?.text ?? '';
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setText(selectedText);
  }, [selectedText]);

  // The debounced search: the list follows the typed text a moment later.
  useEffect(() => {
    setFilteredBy(null);
    const timer = setTimeout(() => setFilteredBy(text), sampleDelay('filter', 0.5));
    return () => clearTimeout(timer);
  }, [text]);

  useLayoutEffect(() => {
    if (!open) return;
    const r = inputRef.current?.getBoundingClientRect();
    if (r) setPlace({ top: r.bottom + 4, left: r.left, width: r.width });
  }, [open]);

  // Unchanged text (the chosen option's) shows every option, as MUI does.
  const pristine = filteredBy === selectedText;
  const shown = filteredBy === null ? [] : options.filter((o) => pristine || fits(o, filteredBy));

  const choose = (o: SelectOption | undefined) => {
    if (!o) return;
    onChange(o.value);
    setText(o.text);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(shown.length - 1, Math.max(0, i + step)));
    } else if (e.key === 'Enter' && open && shown[active]) {
      e.preventDefault();
      choose(shown[active]);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div className="field">
      <label className="field-label" id={labelId} htmlFor={inputId}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="select"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onMouseDown={() => setOpen((o) => !o)}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          if (listRef.current?.contains(e.relatedTarget as Node | null)) return;
          setOpen(false);
          setText(selectedText);
        }}
      />
      {open &&
        place &&
        createPortal(
          filteredBy === null || shown.length === 0 ? (
            <div
              className="listbox listbox-loading"
              style={{ top: place.top, left: place.left, minWidth: place.width }}
            >
              {filteredBy === null ? t('searching') : t('noOptions')}
            </div>
          ) : (
            <div
              ref={listRef}
              id={listId}
              role="listbox"
              aria-labelledby={labelId}
              className="listbox"
              style={{ top: place.top, left: place.left, minWidth: place.width }}
            >
              {shown.map((o, i) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys
                <div
                  key={o.value}
                  id={`${listId}-${i}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={o.value === value}
                  className={i === active ? 'option option-active' : 'option'}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActive(i)}
                  onClick={() => choose(o)}
                >
                  {o.text}
                </div>
              ))}
            </div>
          ),
          document.body,
        )}
    </div>
  );
}
