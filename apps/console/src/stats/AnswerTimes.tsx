// Answer times today against the bar (§ 15 b: 90 % within 10 s for 113; § 13 d: 80 % within
// 2 minutes at the legevaktsentral), refreshed as calls change.
import type { AnswerTimeReport, CentreKind, LineAnswerSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { api } from '../api/http.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';

export function AnswerTimes({ kind }: { kind: CentreKind }) {
  const t = useT();
  const [report, setReport] = useState<AnswerTimeReport | null>(null);
  const lastSeq = useConsole((s) => s.lastSeq);
  useEffect(() => {
    const id = setTimeout(() => api<AnswerTimeReport>('GET', '/stats/answer-times?period=today').then(setReport, () => {}), 300);
    return () => clearTimeout(id);
  }, [lastSeq]);
  if (!report) return null;
  const lines: LineAnswerSummary[] = kind === 'AMK' ? [report.lines['113']] : [report.lines['116117'], report.lines.LEGEVAKT];
  return (
    <section className="panel stats" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('stats.heading')}</h2>
      {lines.map((l) => (
        <div key={l.line} className={`kpi ${l.meetsTarget ? 'ok' : 'bad'}`}>
          <span className="line">{l.line}</span>
          <strong>{l.shareWithinTarget === null ? '–' : `${Math.round(l.shareWithinTarget * 100)} %`}</strong>
          <span className="muted">
            {t('stats.within', { share: `${Math.round(l.target.targetShare * 100)} %`, limit: l.target.withinSeconds >= 60 ? `${l.target.withinSeconds / 60} min` : `${l.target.withinSeconds} s` })}
            {l.medianSeconds !== null && ` · ${t('stats.median', { s: l.medianSeconds })}`} · {l.total} / {l.abandoned} tapt
          </span>
        </div>
      ))}
    </section>
  );
}
