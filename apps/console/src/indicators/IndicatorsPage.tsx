// Quality indicators for a chosen period: tables a person can read at a glance, each with a bar
// to compare at a glance and a CSV export.
import type { Indicators, Me } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/http.js';
import { useT } from '../i18n/i18n.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : /[;"\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [cols.join(';'), ...rows.map((r) => cols.map((c) => cell(r[c])).join(';'))].join('\n');
}

function Table({ title, rows, bar }: { title: string; rows: Record<string, unknown>[]; bar?: string }) {
  const t = useT();
  const max = bar ? Math.max(1, ...rows.map((r) => Number(r[bar]) || 0)) : 1;
  const download = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    a.download = `${title}.csv`;
    a.click();
  };
  return (
    <section className="panel indicator" aria-label={title}>
      <h2>{title} <button type="button" onClick={download}>{t('indicators.csv')}</button></h2>
      <table>
        <thead><tr>{rows[0] && Object.keys(rows[0]).map((k) => <th key={k}>{k}</th>)}{bar && <th />}</tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {Object.values(r).map((v, j) => <td key={j}>{typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v ?? '–')}</td>)}
              {bar && <td className="barcell"><div className="hbar" style={{ width: `${(Number(r[bar]) / max) * 100}%` }} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function IndicatorsPage({ me }: { me: Me }) {
  const t = useT();
  const [from, setFrom] = useState(day(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = useState(day(new Date(Date.now() + 86_400_000)));
  const [data, setData] = useState<Indicators | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Indicators>('GET', `/indicators?from=${from}T00:00:00Z&to=${to}T00:00:00Z`).then((d) => { setData(d); setError(null); }, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [from, to]);
  return (
    <main className="indicators">
      <header className="header">
        <strong>{t('indicators.heading')}</strong> <span className="muted">{me.centre.name}</span>
        <label className="inline-label">{t('indicators.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="inline-label">{t('indicators.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <a href="/" className="button">{t('app.title')}</a>
      </header>
      {error && <p role="alert" className="error">{error}</p>}
      {data && (
        <div className="indicator-grid">
          <Table title={t('indicators.answer')} rows={data.answerTimes.map((l) => ({ linje: l.line, samtaler: l.total, besvart: l.answered, tapt: l.abandoned, 'innen krav': l.withinTarget, andel: l.shareWithinTarget, 'median s': l.medianSeconds, krav: `${Math.round(l.target.targetShare * 100)} % / ${l.target.withinSeconds} s` }))} bar="andel" />
          <Table title={t('indicators.response')} rows={data.responseTimes.map((r) => ({ hastegrad: r.urgency, område: r.settlementClass === 'TOWN' ? 'tettsted' : 'grisgrendt', oppdrag: r.count, 'innen krav': r.withinTarget, andel: r.share, 'median min': r.medianMinutes }))} bar="andel" />
          <Table title={t('indicators.byHour')} rows={data.callsByHour.map((h) => ({ time: h.hour, samtaler: h.calls }))} bar="samtaler" />
          <Table title={t('indicators.byChapter')} rows={data.callsByChapter.map((c) => ({ kapittel: c.chapter ?? '–', tittel: c.chapterTitle ?? 'Ikke triagert', samtaler: c.calls }))} bar="samtaler" />
          <Table title={t('indicators.transfers')} rows={data.transfers.map((x) => ({ retning: x.direction, bedt: x.requested, godtatt: x.accepted, avslått: x.declined }))} bar="bedt" />
          <Table title={t('indicators.akutthjelper')} rows={[{ oppdrag: data.akutthjelper.alertedMissions, ankomster: data.akutthjelper.arrivals, 'før ambulansen': data.akutthjelper.arrivedBeforeAmbulance }]} />
        </div>
      )}
    </main>
  );
}
