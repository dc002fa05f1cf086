// Quality indicators for a chosen period of whole days in Norwegian time (both days included):
// tables a person can read at a glance, each with a bar to compare at a glance and a CSV export.
// A supervisor may look at any centre the wall may show for them (own, neighbours, the area's LVS).
import type { CentreRef, Indicators, Me } from '@amk/contracts';
// the shared writer: formula-like text (an imported criterion title "=…") is neutralised
import { toCsv, addDays, norwegianDate } from '@amk/domain';
import { useEffect, useState } from 'react';
import { $api, ApiError, client, ok } from '../api/client.js';
import { INTL_TAGS, useLocale, useT } from '../i18n/i18n.js';
import { histogramRows } from './histogram-rows.js';
import { osloPeriod } from '../lib/oslo-calendar.js';
import { LogoutButton } from '../auth/index.js';
import { ErrorLine } from '../lib/ErrorLine.js';

/** Shares (0–1) as per cent and other fractions to one decimal, the way the interface's language writes them. */
function useCellFormat() {
  const tag = INTL_TAGS[useLocale((s) => s.locale)];
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  return (column: string, v: unknown) =>
    typeof v !== 'number' ? String(v ?? '–') : column === 'andel' ? share.format(v) : decimal.format(v);
}

function Table({ title, rows, bar }: { title: string; rows: Record<string, unknown>[]; bar?: string }) {
  const t = useT();
  const cell = useCellFormat();
  const max = bar ? Math.max(1, ...rows.map((r) => Number(r[bar]) || 0)) : 1;
  const download = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    a.download = `${title}.csv`;
    a.click();
  };
  return (
    <section className="panel indicator" aria-label={title}>
      <h2>
        {title}{' '}
        <button type="button" onClick={download}>
          {t('indicators.csv')}
        </button>
      </h2>
      <table>
        <thead>
          <tr>
            {rows[0] && Object.keys(rows[0]).map((k) => <th key={k}>{k}</th>)}
            {bar && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows have no id and are replaced as a whole
            <tr key={i}>
              {Object.entries(r).map(([column, v]) => (
                <td key={column}>{cell(column, v)}</td>
              ))}
              {bar && (
                <td className="barcell">
                  <div className="hbar" style={{ width: `${(Number(r[bar]) / max) * 100}%` }} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const NO_CENTRES: CentreRef[] = [];

export function IndicatorsPage({ me }: { me: Me }) {
  const t = useT();
  const [from, setFrom] = useState(() => addDays(norwegianDate(new Date()), -30));
  const [to, setTo] = useState(() => norwegianDate(new Date()));
  const centres =
    $api.useQuery('get', '/api/v1/wall/centres', undefined, { staleTime: Number.POSITIVE_INFINITY, select: (r) => r.centres }).data ??
    NO_CENTRES;
  const [centre, setCentre] = useState(me.centre.code);
  const [data, setData] = useState<Indicators | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!from || !to) return; // a date field being typed in
    let current = true;
    const period = osloPeriod(from, to);
    const query = { ...period, ...(centre !== me.centre.code ? { centre } : {}) };
    ok(client.GET('/api/v1/indicators', { params: { query } })).then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
      },
      (e) => current && setError(e instanceof ApiError ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [from, to, centre, me.centre.code]);
  return (
    <main className="indicators">
      <header className="header">
        <h1 className="page-title">{t('indicators.heading')}</h1>
        {centres.length > 1 ? (
          <label className="inline-label">
            {t('indicators.centre')}
            <select value={centre} onChange={(e) => setCentre(e.target.value)}>
              {centres.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="muted">{me.centre.name}</span>
        )}
        <label className="inline-label">
          {t('indicators.from')} <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline-label">
          {t('indicators.to')} <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <a href="/" className="button">
          {t('app.title')}
        </a>
        <LogoutButton />
      </header>
      <ErrorLine error={error} />
      {data && (
        <div className="indicator-grid">
          <Table
            title={t('indicators.answer')}
            rows={data.answerTimes.map((l) => ({
              linje: l.line,
              samtaler: l.total,
              besvart: l.answered,
              tapt: l.abandoned,
              'innen krav': l.withinTarget,
              andel: l.shareWithinTarget,
              'median s': l.medianSeconds,
              krav: `${Math.round(l.target.targetShare * 100)} % / ${l.target.withinSeconds} s`,
            }))}
            bar="andel"
          />
          {data.answerTimes.map((l) => (
            <Table key={l.line} title={t('indicators.histogram', { line: l.line })} rows={histogramRows(l)} bar="samtaler" />
          ))}
          <Table
            title={t('indicators.response')}
            rows={data.responseTimes.map((r) => ({
              hastegrad: r.urgency,
              område: r.settlementClass === 'TOWN' ? 'tettsted' : 'grisgrendt',
              oppdrag: r.count,
              'innen krav': r.withinTarget,
              andel: r.share,
              'median min': r.medianMinutes,
            }))}
            bar="andel"
          />
          <Table title={t('indicators.byHour')} rows={data.callsByHour.map((h) => ({ time: h.hour, samtaler: h.calls }))} bar="samtaler" />
          <Table
            title={t('indicators.byChapter')}
            rows={data.callsByChapter.map((c) => ({
              kapittel: c.chapter ?? '–',
              tittel: c.chapterTitle ?? 'Ikke triagert',
              samtaler: c.calls,
            }))}
            bar="samtaler"
          />
          <Table
            title={t('indicators.transfers')}
            rows={data.transfers.map((x) => ({
              fra: x.fromCentre,
              til: x.toCentre,
              retning: x.direction,
              bedt: x.requested,
              godtatt: x.accepted,
              avslått: x.declined,
              'median s til godtatt': x.medianAcceptSeconds,
              'lengste s': x.maxAcceptSeconds,
            }))}
            bar="bedt"
          />
          <Table
            title={t('indicators.akutthjelper')}
            rows={[
              {
                oppdrag: data.akutthjelper.alertedMissions,
                ankomster: data.akutthjelper.arrivals,
                'før ambulansen': data.akutthjelper.arrivedBeforeAmbulance,
              },
            ]}
          />
          <Table
            title={t('indicators.crewOverrides')}
            rows={[
              {
                avvik: data.crewOverrides.total,
                'sendt på oppdrag': data.crewOverrides.dispatches,
                'meldt ledig': data.crewOverrides.statusChanges,
              },
            ]}
          />
        </div>
      )}
    </main>
  );
}
