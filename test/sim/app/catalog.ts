import { type Lang, METHODS, type Method, type Scenario } from '../scenario';

/** One API category as the Scopes step shows it. */
export interface ScopeCategory {
  /** English (API) name: what the backend records. */
  id: string;
  /** What the page shows: `id`, or its translation on the Japanese page in that variant. */
  label: string;
  methods: Method[];
}

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

/** The categories and methods this page load offers, after every scenario switch. */
export const buildCatalog = (scenario: Scenario, lang: Lang): ScopeCategory[] => {
  const synthetic = Array.from({ length: scenario.extraCategories }, (_, i) => syntheticName(i));
  const translate = lang === 'ja' && scenario.jaCategoryNames === 'translated';
  const missing = scenario.missingScope;
  return [...REFERENCE_CATEGORIES, ...synthetic]
    .map((id) => {
      let methods = [...(scenario.partialMethods[id] ?? METHODS)];
      if (missing?.category === id)
        methods = missing.method ? methods.filter((m) => m !== missing.method) : [];
      return { id, label: (translate && JA_CATEGORY_NAMES[id]) || id, methods };
    })
    .filter((c) => c.methods.length > 0);
};
