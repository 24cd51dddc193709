/** @jsxImportSource react */
import { createPortal } from 'react-dom';

/**
 * A toast as Radix Toast renders one: a "Notifications" region at the end of body (outside every
 * dialog) holding a role="status" item.
 */
export function Toast({ text }: { text: string }) {
  return createPortal(
    <section aria-label="Notifications" className="toasts">
      <div role="status" className="toast">
        {text}
      </div>
    </section>,
    document.body,
  );
}
