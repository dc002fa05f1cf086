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
import { DateInput } from '../lib/date-time-input.js';
import { osloPeriod } from '../lib/oslo-calendar.js';
import { LogoutButton } from '../auth/index.js';
import { ErrorLine } from '../lib/ErrorLine.js';

/** Shares (0–1) as per cent and other fractions to one decimal, the way the interface's language writes them. */
function useCellFormat() {
  const tag = INTL_TAGS[useLocale((s) => s.locale)];
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  return (column: Column, v: unknown) =>
    typeof v !== 'number' ? String(v ?? '–') : column === 'share' ? share.format(v) : decimal.format(v);
}

/** A row of a table: values by column; each column's heading is `indicators.col.<column>` in the interface's language. */
type Row = Partial<Record<Column, unknown>>;

function Table({ title, rows, bar }: { title: string; rows: Row[]; bar?: Column }) {
  const t = useT();
  const cell = useCellFormat();
  const max = bar ? Math.max(1, ...rows.map((r) => Number(r[bar]) || 0)) : 1;
  const columns = rows[0] ? (Object.keys(rows[0]) as Column[]) : [];
  const heading = (c: Column) => t(`indicators.col.${c}`);
  const download = () => {
    // The file has the headings and formatting-free values the screen shows, in the same language.
    const named = rows.map((r) => Object.fromEntries(columns.map((c) => [heading(c), r[c]])));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([toCsv(named)], { type: 'text/csv;charset=utf-8' }));
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
            {columns.map((c) => (
              <th key={c}>{heading(c)}</th>
            ))}
            {bar && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows have no id and are replaced as a whole
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{cell(c, r[c])}</td>
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

/** Every column the tables have. */
const COLUMNS = [
  'line',
  'calls',
  'answered',
  'abandoned',
  'withinTarget',
  'share',
  'medianSeconds',
  'target',
  'answerTime',
  'urgency',
  'area',
  'missions',
  'medianMinutes',
  'hour',
  'chapter',
  'title',
  'from',
  'to',
  'direction',
  'requested',
  'accepted',
  'declined',
  'medianAcceptSeconds',
  'longestAcceptSeconds',
  'arrivals',
  'beforeAmbulance',
  'overrides',
  'dispatches',
  'statusChanges',
] as const;
type Column = (typeof COLUMNS)[number];

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
        <DateInput className="inline" label={t('indicators.from')} value={from} max={to} onChange={setFrom} />
        <DateInput className="inline" label={t('indicators.to')} value={to} min={from} onChange={setTo} />
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
              line: l.line,
              calls: l.total,
              answered: l.answered,
              abandoned: l.abandoned,
              withinTarget: l.withinTarget,
              share: l.shareWithinTarget,
              medianSeconds: l.medianSeconds,
              target: `${Math.round(l.target.targetShare * 100)} % / ${l.target.withinSeconds} s`,
            }))}
            bar="share"
          />
          {data.answerTimes.map((l) => (
            <Table
              key={l.line}
              title={t('indicators.histogram', { line: l.line })}
              rows={histogramRows(l).map((b) => ({ ...b, withinTarget: t(b.withinTarget ? 'indicators.yes' : 'indicators.no') }))}
              bar="calls"
            />
          ))}
          <Table
            title={t('indicators.response')}
            rows={data.responseTimes.map((r) => ({
              urgency: r.urgency,
              area: t(r.settlementClass === 'TOWN' ? 'indicators.town' : 'indicators.rural'),
              missions: r.count,
              withinTarget: r.withinTarget,
              share: r.share,
              medianMinutes: r.medianMinutes,
            }))}
            bar="share"
          />
          <Table title={t('indicators.byHour')} rows={data.callsByHour.map((h) => ({ hour: h.hour, calls: h.calls }))} bar="calls" />
          <Table
            title={t('indicators.byChapter')}
            rows={data.callsByChapter.map((c) => ({
              chapter: c.chapter ?? '–',
              title: c.chapterTitle ?? t('indicators.untriaged'),
              calls: c.calls,
            }))}
            bar="calls"
          />
          <Table
            title={t('indicators.transfers')}
            rows={data.transfers.map((x) => ({
              from: x.fromCentre,
              to: x.toCentre,
              direction: x.direction,
              requested: x.requested,
              accepted: x.accepted,
              declined: x.declined,
              medianAcceptSeconds: x.medianAcceptSeconds,
              longestAcceptSeconds: x.maxAcceptSeconds,
            }))}
            bar="requested"
          />
          <Table
            title={t('indicators.akutthjelper')}
            rows={[
              {
                missions: data.akutthjelper.alertedMissions,
                arrivals: data.akutthjelper.arrivals,
                beforeAmbulance: data.akutthjelper.arrivedBeforeAmbulance,
              },
            ]}
          />
          <Table
            title={t('indicators.crewOverrides')}
            rows={[
              {
                overrides: data.crewOverrides.total,
                dispatches: data.crewOverrides.dispatches,
                statusChanges: data.crewOverrides.statusChanges,
              },
            ]}
          />
        </div>
      )}
    </main>
  );
}
