// Answer times against the bar (§ 15 b: 90 % within 10 s for 113; § 13 d: 80 % within 2 minutes
// at the legevaktsentral) for the last hour, today or this month. Refreshed when calls change, at
// most once every REFRESH_MS but surely (a throttle with a trailing run: on a busy centre a
// resetting delay would never fire), and every minute besides, since the last hour slides.
import type { AnswerTimeReport, CentreKind, LineAnswerSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { throttle } from '../lib/throttle.js';
import './stats.css';

const REFRESH_MS = 2_000;
const SLIDE_MS = 60_000;
const PERIODS = ['hour', 'today', 'month'] as const; // the API's period=hour|today|month
type Period = (typeof PERIODS)[number];

const percent = (share: number) => `${Math.round(share * 100)} %`;
const limit = (seconds: number) => (seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`);

export function AnswerTimes({ kind }: { kind: CentreKind }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('today');
  const [report, setReport] = useState<AnswerTimeReport | null>(null);

  useEffect(() => {
    let current = true;
    const load = () =>
      ok(client.GET('/api/v1/stats/answer-times', { params: { query: { period } } })).then(
        (r) => current && setReport(r),
        () => {},
      );
    const refresh = throttle(load, REFRESH_MS);
    refresh();
    const unsubscribe = useConsole.subscribe((s, prev) => s.calls !== prev.calls && refresh());
    const slide = setInterval(refresh, SLIDE_MS);
    return () => {
      current = false;
      refresh.cancel();
      unsubscribe();
      clearInterval(slide);
    };
  }, [period]);

  const lines: LineAnswerSummary[] = !report
    ? []
    : kind === 'AMK'
      ? [report.lines['113']]
      : [report.lines['116117'], report.lines.LEGEVAKT];
  return (
    <section className="panel stats" aria-labelledby="stats-heading">
      <div className="stats-head">
        <h2 id="stats-heading">{t('stats.heading')}</h2>
        <fieldset className="period-switch bare" aria-label={t('stats.period')}>
          {PERIODS.map((p) => (
            <button key={p} type="button" aria-pressed={p === period} onClick={() => setPeriod(p)}>
              {t(`stats.period.${p}`)}
            </button>
          ))}
        </fieldset>
      </div>
      {lines.map((l) => (
        <div key={l.line} className={`kpi ${l.meetsTarget ? 'ok' : 'bad'}`} data-testid={`answer-${l.line}`}>
          <span className="line">{l.line}</span>
          <strong title={t(l.meetsTarget ? 'stats.meets' : 'stats.misses')}>
            {l.shareWithinTarget === null ? '–' : percent(l.shareWithinTarget)}
          </strong>
          <span className="muted">{t('stats.bar', { share: percent(l.target.targetShare), limit: limit(l.target.withinSeconds) })}</span>
          <span className="muted kpi-detail">
            {l.medianSeconds !== null && `${t('stats.median', { s: Math.round(l.medianSeconds) })} · `}
            {t('stats.counts', { total: l.total, abandoned: l.abandoned })}
          </span>
        </div>
      ))}
    </section>
  );
}
