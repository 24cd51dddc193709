/** @jsxImportSource react */
import {
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { sampleDelay } from '../latency';
import { t } from '../runtime';
import type { SelectProps } from './SelectField';

type Placement = { top: number; left: number; width: number };

/**
 * The custom drop-down most SaaS design systems use: a button with aria-haspopup="listbox" named
 * "<label> <shown value>", and a role="listbox" rendered at the end of body (a portal, so it is
 * outside the dialog), whose options arrive after a short delay as if fetched. `inline`: the
 * listbox renders in place, next to its button, with its options at once (Headless UI Listbox).
 */
export function Dropdown({
  label,
  options,
  value,
  onChange,
  inline,
}: SelectProps & { inline?: boolean }) {
  const id = useId();
  const labelId = `${id}-label`;
  const valueId = `${id}-value`;
  const listId = `${id}-list`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState<Placement | null>(null);
  const selected = options.find((o) => o.value === value);

  // Options "load" after a fraction of the page latency each time the list opens.
  useEffect(() => {
    if (!open) return setReady(false);
    if (inline) return setReady(true);
    const timer = setTimeout(() => setReady(true), sampleDelay('options', 0.3));
    return () => clearTimeout(timer);
  }, [open, inline]);

  // Keep the floating list under its button while anything scrolls or resizes.
  useLayoutEffect(() => {
    if (!open || inline) return;
    const follow = () => {
      const r = buttonRef.current?.getBoundingClientRect();
      if (r) setPlace({ top: r.bottom + 4, left: r.left, width: r.width });
    };
    follow();
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open, inline]);

  // A press outside the button and the list closes it, like any menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!buttonRef.current?.contains(target) && !listRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  useEffect(() => {
    if (open && ready) listRef.current?.focus();
  }, [open, ready]);

  const show = () => {
    setActive(Math.max(0, selected ? options.indexOf(selected) : 0));
    setOpen(true);
  };
  const choose = (i: number) => {
    const option = options[i];
    if (option) onChange(option.value);
    setOpen(false);
    buttonRef.current?.focus();
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onListKey = (e: KeyboardEvent) => {
    const last = options.length - 1;
    if (e.key === 'Tab') return setOpen(false);
    if (e.key === 'ArrowDown') setActive((i) => Math.min(last, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(last);
    else if (e.key === 'Enter' || e.key === ' ') choose(active);
    else if (e.key === 'Escape') close();
    else return;
    // Handled here: keep the key from scrolling the page or reaching the dialog.
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="select select-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-labelledby={`${labelId} ${valueId}`}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show();
          }
        }}
      >
        <span id={valueId}>{selected?.text ?? ''}</span>
        <span className="chevron" aria-hidden="true" />
      </button>
      {open &&
        (inline || place) &&
        (inline
          ? (list: ReactNode) => list
          : (list: ReactNode) => createPortal(list, document.body))(
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-labelledby={labelId}
            aria-busy={ready ? undefined : 'true'}
            aria-activedescendant={ready ? `${listId}-${active}` : undefined}
            tabIndex={-1}
            className={inline ? 'listbox listbox-inline' : 'listbox'}
            style={
              place && !inline
                ? { top: place.top, left: place.left, minWidth: place.width }
                : undefined
            }
            onKeyDown={onListKey}
          >
            {!ready && <div className="listbox-loading">{t('loading')}</div>}
            {ready &&
              options.map((o, i) => (
                <div
                  key={o.value}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={o.value === value}
                  tabIndex={-1}
                  className={i === active ? 'option option-active' : 'option'}
                  onPointerEnter={() => setActive(i)}
                  onClick={() => choose(i)}
                  onKeyDown={onListKey}
                >
                  {o.text}
                </div>
              ))}
          </div>,
        )}
    </div>
  );
}
