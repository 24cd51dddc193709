/** @jsxImportSource react */

const PATHS = {
  left: 'M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z',
  right: 'M8.6 16.6 13.2 12 8.6 7.4 10 6l6 6-6 6z',
  check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
};

/**
 * Button icons as two design systems render them. `mui`: an svg with aria-hidden="true" (MUI
 * SvgIcon). `ant`: a span role="img" aria-label="<icon name>" around the svg (Ant Design icons),
 * which puts the icon's English name into the button's accessible name.
 */
export function Icon({ name, kind }: { name: keyof typeof PATHS; kind: 'mui' | 'ant' }) {
  const svg = (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
  if (kind === 'mui') return svg;
  return (
    <span role="img" aria-label={name} className="anticon">
      {svg}
    </span>
  );
}
