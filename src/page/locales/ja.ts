import type { PageStrings } from '.';

/**
 * Japanese UI. Labels from impact.com's Japanese help centre. Spacing and full-/half-width forms
 * do not matter (see text.ts). Category translations are a guess: the help centre does not say
 * whether the Japanese page translates them (the English name always matches as well).
 */
export const ja: PageStrings = {
  opener: ['アクセス トークンを作成'],
  steps: {
    setup: ['セットアップ'],
    contact: ['連絡先情報'],
    scopes: ['API スコープ'],
    create: ['作成'],
  },
  tokenName: ['トークン名'],
  description: ['説明'],
  apiVersion: ['API バージョン'],
  primaryContact: ['主な連絡先'],
  developerEmails: ['開発者のメール アドレス', '追加の開発者メール'],
  next: ['次へ', '次のステップ'],
  back: ['戻る'],
  create: ['作成'],
  clearAll: ['すべてクリア'],
  confirmDialog: ['このトークンを作成しますか？'],
  confirm: ['確認'],
  created: ['アクセス トークンが作成されました'],
  decorations: ['（任意）', '（必須）', '*', '：'],
  summaryScopes: ['API スコープ', 'スコープ'],
  none: ['なし'],
  latest: ['最新'],
  account: ['アカウント'],
  addEmail: ['メールを追加', 'メール アドレスを追加'],
  removeTag: '{email} を削除',
  categories: {
    Accounts: ['アカウント'],
    Actions: ['アクション'],
    Ads: ['広告'],
    Catalogs: ['カタログ'],
    Clicks: ['クリック'],
    Contracts: ['契約'],
    Conversions: ['コンバージョン'],
    Invoices: ['請求書'],
    Jobs: ['ジョブ'],
    Partners: ['パートナー'],
    Programs: ['プログラム'],
    'Promo Codes': ['プロモーション コード', 'プロモコード'],
    Reports: ['レポート'],
    'Tracking Links': ['トラッキング リンク'],
  },
};
