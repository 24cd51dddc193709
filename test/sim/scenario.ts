/**
 * Scenario switches: every way the simulated impact.com page can differ from its default shape.
 * This file and test/sim/README.md are the one place they are defined; the page merges
 * DEFAULT_SCENARIO <- server overrides (startSim / setScenario / POST /__sim/scenario)
 * <- `?sim=<JSON>` <- individual query params, once per document load.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** In the order pages list them; Brand API v14 has PATCH endpoints. */
export const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** The per-method page's checkboxes (the older shape, per the help page: GET / POST / PUT / DELETE). */
export const METHOD_PAGE_METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

export type AccountKind = 'partner' | 'brand';
export type Lang = 'en' | 'ja';

/** Fields the page can reset once after their step appears (like late-arriving data). */
export type LateResetField = 'tokenName' | 'description' | 'version' | 'primaryContact';

/** The developer-email label variants the driver knows (src/page/README.md), by English text. */
export const EMAILS_LABELS = [
  'Developer Emails',
  'Developer email addresses',
  'Additional developer emails',
] as const;
export type EmailsLabel = (typeof EMAILS_LABELS)[number];

/**
 * How the developer-emails field is built, each after a public widget pattern:
 * - `tags`: a tag input (Enter, a comma or leaving the box adds), tags as a labelled role=list;
 * - `chips`: React Select's creatable multi-select: the input is a role=combobox, the chosen
 *   values are plain divs (no list), each with a role=button "Remove <email>";
 * - `commaList`: one plain `<input type="email" multiple>` taking "a@x.example, b@y.example"
 *   (the HTML standard's list-of-addresses input);
 * - `addButton`: an "Add email" button that adds one input per address (Ant Design Form.List,
 *   MUI dynamic fields), inside a role=group named by the field label.
 */
export const EMAILS_WIDGETS = ['tags', 'chips', 'commaList', 'addButton'] as const;
export type EmailsWidget = (typeof EMAILS_WIDGETS)[number];

/**
 * How the API Version and Primary Contact drop-downs are built, each after a public pattern:
 * `listbox` a button + listbox portalled to body, options after a delay (MUI Menu/Popover);
 * `listbox-inline` the same listbox rendered in place, at once (Headless UI Listbox); `native` a
 * <select>; `select-only` a div role=combobox with aria-activedescendant (WAI-ARIA APG select-only
 * combobox, MUI Select); `editable` an input role=combobox that filters its list as one types,
 * after a debounce, and restores its text on blur (APG autocomplete list, MUI Autocomplete,
 * React Select, Ant Design Select showSearch).
 */
export const DROPDOWN_KINDS = [
  'listbox',
  'listbox-inline',
  'native',
  'select-only',
  'editable',
] as const;
export type DropdownKind = (typeof DROPDOWN_KINDS)[number];

/** How the Setup textboxes are labelled. */
export const LABEL_STYLES = ['for', 'wrapping', 'labelledby', 'aria-label'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];

/**
 * What a label carries besides its words, as design systems render it: "(optional)"/（任意） on
 * optional fields, a required "*" inside the label (MUI InputLabel, Ant Design Form.Item), a
 * trailing colon (Ant Design's default), or a hint inside the label element that is also the
 * control's description (aria-describedby).
 */
export const LABEL_DECORATIONS = ['none', 'optional', 'required', 'colon', 'hint'] as const;
export type LabelDecoration = (typeof LABEL_DECORATIONS)[number];

/**
 * How the wizard shows its current step: aria-current="step" on the indicator item (APG), tabs
 * (role=tab + aria-selected, Radix/MUI Tabs), or only a heading in the step body while the
 * indicator marks the step by class alone (MUI Stepper, Ant Design Steps).
 */
export const STEP_MARKERS = ['aria-current', 'tabs', 'heading'] as const;
export type StepMarker = (typeof STEP_MARKERS)[number];

/**
 * The wizard's button names: as documented; `case` "Create access token" (sentence case); `icon`
 * buttons with icons (MUI's aria-hidden svg, Ant Design's role=img aria-label icon); `next-step`
 * "Next step" instead of "Next".
 */
export const BUTTON_NAMES = ['default', 'case', 'icon', 'next-step'] as const;
export type ButtonNames = (typeof BUTTON_NAMES)[number];

/**
 * How the Create step shows its summary, each after a public pattern: `list` an HTML description
 * list (dt/dd pairs in divs, as GOV.UK's summary list); `table` Ant Design's bordered Descriptions
 * (a table, each row two th label + td content items); `labelledby` label/value div pairs, each
 * value `role=definition` named by its `role=term` label with aria-labelledby (MUI Typography
 * pairs given ARIA's term/definition roles); `none` no summary at all.
 */
export const SUMMARY_LAYOUTS = ['list', 'table', 'labelledby', 'none'] as const;
export type SummaryLayout = (typeof SUMMARY_LAYOUTS)[number];

/**
 * How the summary words a category's grants: `methods` "Jobs GET, PUT" and the other ticked
 * endpoints as "GET /path" beneath; `words` "All GET endpoints" for a wholly ticked method;
 * `paths` only the path of every ticked endpoint.
 */
export const SUMMARY_SCOPES = ['methods', 'words', 'paths'] as const;
export type SummaryScopes = (typeof SUMMARY_SCOPES)[number];

export interface Scenario {
  /** Random delay in ms for every step change, data load and the Create call. */
  latency: { min: number; max: number };
  /** Multiplies every delay (2 = twice as slow). */
  slowdown: number;
  /**
   * 0: every delay is Math.random(). Otherwise the delays come from seeded streams, one per
   * purpose (step changes, each API call, option lists, filtering), so two visitors of pages
   * with the same seed meet the same delays for the same things, whatever else each one does
   * (the bench compares subjects on equal terms this way).
   */
  latencySeed: number;
  /** A category, one method of it, or one endpoint (by its reference path) the page does not offer. */
  missingScope: { category: string; method?: Method; path?: string } | null;
  /**
   * How the scopes step lists a category's grants once it is on: one row per endpoint, built from
   * impact.com's published OpenAPI documents (the public evidence, and the default), or one
   * checkbox per method (the older shape the help page describes).
   */
  scopeRows: 'endpoints' | 'methods';
  /** What an endpoint row shows beside its method: path and summary, only the path, only the summary. */
  endpointText: 'both' | 'path' | 'summary';
  /**
   * How an endpoint row is built: a <label> wrapping the checkbox and its text, or a table row
   * (MUI/Ant Design data tables) whose checkbox is named by the summary alone, with method and
   * path in the row's other cells.
   */
  endpointRow: 'label' | 'table';
  /** Placeholders in shown paths: as the API reference spells them ({AccountSID}) or camel case ({accountSid}). */
  pathPlaceholders: 'reference' | 'camel';
  /**
   * The control that turns a category on: a switch (Ant Design, Radix, Headless UI render
   * `button role=switch`), a checkbox, or an accordion header button with aria-expanded (WAI-ARIA
   * APG accordion; Radix and Headless UI unmount the panel while it is closed).
   */
  categoryToggle: 'switch' | 'checkbox' | 'expand';
  /**
   * Where the category's rows are: inside the toggle's own role=group, in a region the toggle
   * names with aria-controls (set only while open, as Headless UI does), or in a group that
   * follows the toggle's header row (the toggle is not inside it).
   */
  categoryLayout: 'group' | 'controls' | 'sibling';
  /** Replaces one UI label, by locale key (see app/locale/en.ts), e.g. tokenName -> "Token Title". */
  renameLabel: { key: string; to: string } | null;
  /** The backend refuses every token name with this message (shown verbatim). */
  nameError: string | null;
  /** Resets one field once, `afterMs` after its step first appears. */
  lateReset: { field: LateResetField; afterMs: number } | null;
  /** An extra alertdialog "Create this token?" (Confirm / Cancel) after Create. */
  confirmStep: boolean;
  /** Forces the account type (the page moves to that account's path); null = from the path. */
  account: AccountKind | null;
  /** Forces the UI language for this load (not persisted); null = ?lang / stored preference / en. */
  lang: Lang | null;
  /** Native <select> elements instead of the custom button + listbox drop-downs. */
  nativeSelects: boolean;
  /** Whether the Japanese page keeps API category names in English or translates them. */
  jaCategoryNames: 'english' | 'translated';
  /** Label of the developer emails field (the Japanese page uses the matching translation). */
  emailsLabel: EmailsLabel;
  /** Which widget the developer-emails field is (see EMAILS_WIDGETS). */
  emailsWidget: EmailsWidget;
  /**
   * After Create, the page shows the new Auth Token in a role=alert inside the wizard and in a
   * toast (role=status at the end of body) before its success dialog: page text after Create
   * may be a secret.
   */
  secretNotice: boolean;
  /** Categories that offer only some methods; every other category offers all four. */
  partialMethods: Record<string, Method[]>;
  /** Extra ms before data (account, tokens, users) arrives, so controls appear late. */
  lateData: number;
  /** Number of synthetic categories "Category 001"… (all four methods) after the real ones. */
  extraCategories: number;
  /** Opens the wizard as soon as the API page has loaded. */
  openWizard: boolean;
  /** The drop-down widget of API Version and Primary Contact (`nativeSelects` forces `native`). */
  dropdown: DropdownKind;
  /** How Token Name and Description are labelled. */
  labelStyle: LabelStyle;
  /** Decoration added to the wizard's field labels. */
  labelDecoration: LabelDecoration;
  /** How the current step is marked. */
  stepMarker: StepMarker;
  /** Variant of the opener and wizard button names. */
  buttonNames: ButtonNames;
  /** Users added to the account's users (after the seeded ones), for both the page and backend. */
  extraUsers: { name: string; email: string }[];
  /** How the Create step shows its summary (see SUMMARY_LAYOUTS). */
  summary: SummaryLayout;
  /** How the summary words the grants (see SUMMARY_SCOPES). */
  summaryScopes: SummaryScopes;
}

/** Read-only categories are a realistic default: reporting endpoints are GET-only. */
export const DEFAULT_PARTIAL_METHODS: Record<string, Method[]> = {
  Reports: ['GET'],
  Clicks: ['GET'],
  Invoices: ['GET'],
  Jobs: ['GET', 'POST'],
};

export const DEFAULT_SCENARIO: Scenario = {
  latency: { min: 150, max: 400 },
  slowdown: 1,
  latencySeed: 0,
  missingScope: null,
  scopeRows: 'endpoints',
  endpointText: 'both',
  endpointRow: 'label',
  pathPlaceholders: 'reference',
  categoryToggle: 'switch',
  categoryLayout: 'group',
  renameLabel: null,
  nameError: null,
  lateReset: null,
  confirmStep: false,
  account: null,
  lang: null,
  nativeSelects: false,
  jaCategoryNames: 'english',
  emailsLabel: 'Developer Emails',
  emailsWidget: 'tags',
  secretNotice: false,
  partialMethods: DEFAULT_PARTIAL_METHODS,
  lateData: 0,
  extraCategories: 0,
  openWizard: false,
  dropdown: 'listbox',
  labelStyle: 'for',
  labelDecoration: 'none',
  stepMarker: 'aria-current',
  buttonNames: 'default',
  extraUsers: [],
  summary: 'list',
  summaryScopes: 'methods',
};

const DEFAULT_LATE_RESET_MS = 500;
const DEFAULT_LATE_DATA_MS = 2000;

const isMethod = (s: string): s is Method => (METHODS as readonly string[]).includes(s);
const truthy = (v: string) => v === '' || v === '1' || v === 'true' || v === 'yes';

/** A query value that must be one of `values` (else the default, with a console note). */
const oneOf =
  <T extends string>(values: readonly T[], fallback: T) =>
  (v: string): T => {
    if ((values as readonly string[]).includes(v)) return v as T;
    console.error(`[impact sim] "${v}" is not one of ${values.join(', ')}`);
    return fallback;
  };

/** "0" -> {0,0}; "150-400" -> {150,400}. */
const parseRange = (v: string): Scenario['latency'] => {
  const [a = '0', b = a] = v.split('-');
  return { min: Number(a), max: Number(b) };
};

/** "Ads", "Ads:DELETE" or "Reports:GET:/Mediapartners/{AccountSID}/Reports". */
const parseMissingScope = (v: string): Scenario['missingScope'] => {
  const [category = '', method = '', ...path] = v.split(':');
  const m = method.toUpperCase();
  if (!isMethod(m)) return { category };
  return path.length ? { category, method: m, path: path.join(':') } : { category, method: m };
};

/** "none" | "default" | "Reports:GET,Ads:GET+POST". */
const parsePartialMethods = (v: string): Scenario['partialMethods'] => {
  if (v === 'none') return {};
  if (v === 'default') return DEFAULT_PARTIAL_METHODS;
  const out: Record<string, Method[]> = {};
  for (const part of v.split(',')) {
    const [category = '', methods = ''] = part.split(':');
    out[category] = methods
      .split(/[+ ]/)
      .map((m) => m.toUpperCase())
      .filter(isMethod);
  }
  return out;
};

/** Parsers for the individual query params; each maps the raw string to one Scenario field. */
const PARAMS: { [K in keyof Scenario]?: (v: string) => Scenario[K] } = {
  latency: parseRange,
  slowdown: Number,
  latencySeed: Number,
  missingScope: parseMissingScope,
  scopeRows: oneOf(['endpoints', 'methods'] as const, 'endpoints'),
  endpointText: oneOf(['both', 'path', 'summary'] as const, 'both'),
  endpointRow: oneOf(['label', 'table'] as const, 'label'),
  pathPlaceholders: oneOf(['reference', 'camel'] as const, 'reference'),
  categoryToggle: oneOf(['switch', 'checkbox', 'expand'] as const, 'switch'),
  categoryLayout: oneOf(['group', 'controls', 'sibling'] as const, 'group'),
  renameLabel: (v) => {
    const i = v.indexOf(':');
    return { key: v.slice(0, i), to: v.slice(i + 1) };
  },
  nameError: (v) => v,
  lateReset: (v) => {
    const [field, ms] = v.split(':');
    return { field: field as LateResetField, afterMs: ms ? Number(ms) : DEFAULT_LATE_RESET_MS };
  },
  confirmStep: truthy,
  account: (v) => (v === 'brand' ? 'brand' : 'partner'),
  nativeSelects: truthy,
  jaCategoryNames: (v) => (v === 'translated' ? 'translated' : 'english'),
  emailsLabel: (v) =>
    (EMAILS_LABELS.find((l) => l === v) ?? EMAILS_LABELS[Number(v)] ?? v) as EmailsLabel,
  emailsWidget: (v) => EMAILS_WIDGETS.find((w) => w === v) ?? 'tags',
  secretNotice: truthy,
  partialMethods: parsePartialMethods,
  lateData: (v) => (truthy(v) ? DEFAULT_LATE_DATA_MS : Number(v)),
  extraCategories: Number,
  openWizard: truthy,
  dropdown: oneOf(DROPDOWN_KINDS, 'listbox'),
  labelStyle: oneOf(LABEL_STYLES, 'for'),
  labelDecoration: oneOf(LABEL_DECORATIONS, 'none'),
  stepMarker: oneOf(STEP_MARKERS, 'aria-current'),
  buttonNames: oneOf(BUTTON_NAMES, 'default'),
  summary: oneOf(SUMMARY_LAYOUTS, 'list'),
  summaryScopes: oneOf(SUMMARY_SCOPES, 'methods'),
  extraUsers: (v) =>
    v.split(',').flatMap((user) => {
      const m = /^(.*)<(.+)>$/.exec(user.trim());
      return m ? [{ name: (m[1] ?? '').trim(), email: m[2] ?? '' }] : [];
    }),
};

/** `?sim=<JSON>`; a malformed value is reported in the console and ignored, not fatal. */
const parseSimParam = (sim: string | null): Partial<Scenario> => {
  if (!sim) return {};
  try {
    return JSON.parse(sim) as Partial<Scenario>;
  } catch (error) {
    console.error('[impact sim] ignoring ?sim=, not JSON:', error);
    return {};
  }
};

/**
 * The overrides a page URL asks for. `lang` is deliberately not read here: `?lang=` is the
 * user's language setting (persisted), while Scenario.lang is a test override (`?sim=`).
 */
export const scenarioFromQuery = (search: string): Partial<Scenario> => {
  const params = new URLSearchParams(search);
  const out: Partial<Scenario> = parseSimParam(params.get('sim'));
  for (const [key, parse] of Object.entries(PARAMS)) {
    const raw = params.get(key);
    if (raw !== null && parse) Object.assign(out, { [key]: parse(raw) });
  }
  return out;
};

/** Fills a partial scenario (e.g. from JSON) with defaults; later layers win. */
export const resolveScenario = (...layers: Partial<Scenario>[]): Scenario => {
  const merged: Scenario = Object.assign({}, DEFAULT_SCENARIO, ...layers);
  // A lateReset given as JSON may omit afterMs.
  const lateReset: Partial<NonNullable<Scenario['lateReset']>> | null = merged.lateReset;
  if (lateReset?.field)
    merged.lateReset = {
      field: lateReset.field,
      afterMs: lateReset.afterMs ?? DEFAULT_LATE_RESET_MS,
    };
  return merged;
};
