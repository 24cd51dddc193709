/** @jsxImportSource react */

/** An indeterminate progress indicator. `label` makes it a named progressbar; without, decoration. */
export function Spinner({ label }: { label?: string }) {
  if (!label) return <span className="spinner" aria-hidden="true" />;
  return <span className="spinner" role="progressbar" aria-label={label} />;
}
