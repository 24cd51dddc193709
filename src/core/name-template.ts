/**
 * Token name templates such as `{account}-reporting-{date}`. A placeholder is `{` + anything but
 * braces + `}`; a lone `{` or `}` is ordinary text, so names with braces still work. Pure: the
 * time and the account are arguments, never read from the environment.
 */

export const PLACEHOLDERS = ['date', 'account', 'preset'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

export interface TemplateContext {
  now: Date;
  /** The account as the page shows it; undefined when the page has not been read. */
  account?: string;
  /** The preset's display name. */
  presetName: string;
}

export type ExpandResult =
  | { ok: true; value: string }
  | { ok: false; error: 'unknown-placeholder'; placeholders: string[] }
  | { ok: false; error: 'account-unknown' };

/** Placeholders the template uses that do not exist, e.g. ["{foo}"], each once, in order. */
export const validateTemplate = (template: string): string[] => {
  const unknown: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER_PATTERN)) {
    if (!KNOWN.has(match[1] as string) && !unknown.includes(match[0])) unknown.push(match[0]);
  }
  return unknown;
};

export const usesPlaceholder = (template: string, name: Placeholder): boolean =>
  template.includes(`{${name}}`);

/** YYYY-MM-DD in the local time zone: the day the person sees on their own calendar. */
export const localDate = (now: Date): string => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

export const expandTemplate = (template: string, context: TemplateContext): ExpandResult => {
  const unknown = validateTemplate(template);
  if (unknown.length > 0) return { ok: false, error: 'unknown-placeholder', placeholders: unknown };
  const account = context.account?.trim();
  // A name without the account would be silently wrong (and clash across accounts): refuse.
  if (usesPlaceholder(template, 'account') && !account)
    return { ok: false, error: 'account-unknown' };
  const values: Record<Placeholder, string> = {
    date: localDate(context.now),
    account: account ?? '',
    preset: context.presetName,
  };
  return {
    ok: true,
    // Replacement text is inserted literally (a function avoids `$&`-style patterns in values).
    value: template.replace(PLACEHOLDER_PATTERN, (_, name: string) => values[name as Placeholder]),
  };
};
