/** @jsxImportSource react */
import { type ReactNode, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  role?: 'dialog' | 'alertdialog';
  /** id of the element that names the dialog (its title). */
  labelledBy: string;
  describedBy?: string;
  /** aria-busy while the dialog waits for the backend. */
  busy?: boolean;
  size?: 'wide' | 'narrow';
  children: ReactNode;
}

/** How many modals are open; the page behind stays inert until the last one closes. */
let openModals = 0;

/**
 * A modal dialog with an overlay, rendered at the end of body like most component libraries do,
 * so it is not inside the app's root element.
 */
export function Modal({
  role = 'dialog',
  labelledBy,
  describedBy,
  busy,
  size = 'wide',
  children,
}: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    openModals += 1;
    document.getElementById('root')?.setAttribute('inert', '');
    document.body.classList.add('modal-open');
    // Focus moves into the dialog, as keyboard users expect; the dialog itself takes it.
    ref.current?.focus();
    return () => {
      openModals -= 1;
      if (openModals === 0) {
        document.getElementById('root')?.removeAttribute('inert');
        document.body.classList.remove('modal-open');
      }
    };
  }, []);

  return createPortal(
    <div className="overlay">
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: role is dialog or alertdialog, both modal */}
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-busy={busy ? 'true' : undefined}
        tabIndex={-1}
        className={`modal modal-${size}`}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
