/** @jsxImportSource react */
import { lang, t } from '../runtime';

/** Static dashboard numbers: the home page only has to look like a place people start from. */
const STATS = [
  { label: { en: 'Clicks', ja: 'クリック数' }, value: '48,210', change: '+6.2%' },
  { label: { en: 'Actions', ja: 'アクション数' }, value: '1,932', change: '+3.8%' },
  { label: { en: 'Revenue', ja: '収益' }, value: '$86,440', change: '+4.1%' },
  { label: { en: 'Payouts', ja: '支払額' }, value: '$9,315', change: '−1.2%' },
];

export function HomePage() {
  return (
    <main className="page page-home">
      <div className="page-header">
        <div>
          <h1>{t('welcome')}</h1>
          <p className="page-intro">{t('homeIntro')}</p>
        </div>
      </div>
      <div className="stat-grid">
        {STATS.map((s) => (
          <section key={s.label.en} className="card stat">
            <h2 className="stat-label">{s.label[lang]}</h2>
            <p className="stat-value">{s.value}</p>
            <p className={s.change.startsWith('+') ? 'stat-change up' : 'stat-change down'}>
              {s.change}
            </p>
          </section>
        ))}
      </div>
      <section className="card chart-card" aria-hidden="true">
        <div className="chart">
          {[38, 52, 47, 61, 58, 72, 66, 80, 74, 69, 83, 91].map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed decorative series
            <span key={i} className="bar" style={{ height: `${h}%` }} />
          ))}
        </div>
      </section>
    </main>
  );
}
