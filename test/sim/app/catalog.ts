import {
  type AccountKind,
  type Lang,
  METHOD_PAGE_METHODS,
  METHODS,
  type Method,
  type Scenario,
} from '../scenario';
import publicCatalog from './public-scope-catalog.json';

/** One endpoint row of the per-endpoint scopes step. */
export interface ScopeEndpoint {
  method: Method;
  /** As the API reference writes it; what the backend records. */
  path: string;
  /** As the page shows it (Scenario.pathPlaceholders may respell placeholders). */
  shownPath: string;
  summary: string;
}

/** One API category as the Scopes step shows it. */
export interface ScopeCategory {
  /** English (API) name: what the backend records. */
  id: string;
  /** What the page shows: `id`, or its translation on the Japanese page in that variant. */
  label: string;
  /** Methods offered (on the per-endpoint page: the methods of its endpoints). */
  methods: Method[];
  /** One row per endpoint; empty on the per-method page (Scenario.scopeRows 'methods'). */
  endpoints: ScopeEndpoint[];
}

/** The grant id a row's checkbox stands for: the method, or "METHOD /path" for an endpoint. */
export const endpointId = (e: { method: Method; path: string }): string => `${e.method} ${e.path}`;

interface CatalogFileSide {
  categories: {
    category: string;
    endpoints: { method: string; path: string; summary: string }[];
  }[];
}

/**
 * The endpoints per category from impact.com's published OpenAPI documents (Partner API v16,
 * Brand API v14): the simulation's own copy of shared/reference/impact-scope-catalog.json.
 */
const PUBLIC_CATALOG = publicCatalog as unknown as Record<AccountKind, CatalogFileSide>;

/** `{AccountSID}` -> `{accountSid}`: the spelling some front ends use for the same placeholder. */
const camelPlaceholders = (path: string) =>
  path.replace(
    /\{(\w)(\w*)\}/g,
    (_, first: string, rest: string) => `{${first.toLowerCase()}${rest.replace(/SID$/, 'Sid')}}`,
  );

const syntheticEndpoints = (name: string): ScopeEndpoint[] => {
  const slug = name.replace(/\W+/g, '');
  const base = `/Synthetic/{AccountSID}/${slug}`;
  return (
    [
      ['GET', base, `List ${name} items`],
      ['GET', `${base}/{ItemId}`, `Retrieve a ${name} item`],
      ['POST', base, `Create a ${name} item`],
      ['PUT', `${base}/{ItemId}`, `Update a ${name} item`],
      ['DELETE', `${base}/{ItemId}`, `Delete a ${name} item`],
    ] as const
  ).map(([method, path, summary]) => ({ method, path, shownPath: path, summary }));
};

/** The categories named in impact.com's public API reference (the page's real list is unknown). */
export const REFERENCE_CATEGORIES = [
  'Accounts',
  'Actions',
  'Ads',
  'Catalogs',
  'Clicks',
  'Contracts',
  'Conversions',
  'Invoices',
  'Jobs',
  'Partners',
  'Programs',
  'Promo Codes',
  'Reports',
  'Tracking Links',
];

/** Used when Scenario.jaCategoryNames is 'translated'. */
export const JA_CATEGORY_NAMES: Record<string, string> = {
  Accounts: 'アカウント',
  Actions: 'アクション',
  Ads: '広告',
  Catalogs: 'カタログ',
  Clicks: 'クリック',
  Contracts: '契約',
  Conversions: 'コンバージョン',
  Invoices: '請求書',
  Jobs: 'ジョブ',
  Partners: 'パートナー',
  Programs: 'プログラム',
  'Promo Codes': 'プロモーション コード',
  Reports: 'レポート',
  'Tracking Links': 'トラッキング リンク',
};

const syntheticName = (i: number) => `Category ${String(i + 1).padStart(3, '0')}`;

const missingFilter = (scenario: Scenario, id: string) => (m: Method, path?: string) => {
  const missing = scenario.missingScope;
  if (missing?.category !== id) return true;
  if (missing.path) return path !== missing.path;
  return missing.method ? m !== missing.method : false;
};

/** The per-method page (the older shape): the reference categories, four methods each. */
const methodCatalog = (scenario: Scenario, translate: boolean): ScopeCategory[] => {
  const synthetic = Array.from({ length: scenario.extraCategories }, (_, i) => syntheticName(i));
  return [...REFERENCE_CATEGORIES, ...synthetic]
    .map((id) => {
      const keep = missingFilter(scenario, id);
      const methods = [...(scenario.partialMethods[id] ?? METHOD_PAGE_METHODS)].filter((m) =>
        keep(m),
      );
      return { id, label: (translate && JA_CATEGORY_NAMES[id]) || id, methods, endpoints: [] };
    })
    .filter((c) => c.methods.length > 0);
};

/** The per-endpoint page: the account kind's public catalog, one row per endpoint. */
const endpointCatalog = (scenario: Scenario, translate: boolean, kind: AccountKind) => {
  const respell = scenario.pathPlaceholders === 'camel' ? camelPlaceholders : (p: string) => p;
  const real = PUBLIC_CATALOG[kind].categories.map((c) => ({
    id: c.category,
    endpoints: c.endpoints.map((e) => ({
      method: e.method as Method,
      path: e.path,
      shownPath: respell(e.path),
      summary: e.summary,
    })),
  }));
  const synthetic = Array.from({ length: scenario.extraCategories }, (_, i) => {
    const id = syntheticName(i);
    return { id, endpoints: syntheticEndpoints(id) };
  });
  return [...real, ...synthetic]
    .map(({ id, endpoints }): ScopeCategory => {
      const keep = missingFilter(scenario, id);
      const rows = endpoints.filter((e) => keep(e.method, e.path));
      return {
        id,
        label: (translate && JA_CATEGORY_NAMES[id]) || id,
        methods: METHODS.filter((m) => rows.some((e) => e.method === m)),
        endpoints: rows,
      };
    })
    .filter((c) => c.endpoints.length > 0);
};

/** The categories (and their methods or endpoints) this page load offers, after every switch. */
export const buildCatalog = (
  scenario: Scenario,
  lang: Lang,
  kind: AccountKind,
): ScopeCategory[] => {
  const translate = lang === 'ja' && scenario.jaCategoryNames === 'translated';
  return scenario.scopeRows === 'methods'
    ? methodCatalog(scenario, translate)
    : endpointCatalog(scenario, translate, kind);
};
