/** @jsxImportSource react */

interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  /** id of the element that names the switch. */
  labelledBy: string;
  /** id of the region the switch shows, while it exists. */
  controls?: string;
}

/** A toggle switch: a button with role="switch" and aria-checked, like most design systems. */
export function Switch({ checked, onChange, labelledBy, controls }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-controls={controls}
      className="switch"
      onClick={() => onChange(!checked)}
    >
      <span className="switch-thumb" aria-hidden="true" />
    </button>
  );
}
