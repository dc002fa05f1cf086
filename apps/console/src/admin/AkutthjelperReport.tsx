// A small report on the akutthjelper missions of my centre over a period (default the last 30
// days): per organisation and kommune, median alert→arrival, how often they came before the
// ambulance, and bistand requests counted apart.
import { addDays, norwegianDate } from '@amk/domain';
import { useDecimal } from '../i18n/numbers.js';
import { AkutthjelperReportQuery } from '@amk/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { keepPreviousData } from '@tanstack/react-query';
import { z } from 'zod';
import { $api } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { kommuneText } from './akutthjelper-kit.js';
import { osloInstant } from '../lib/oslo-calendar.js';
import { DateFormField } from '../lib/date-time-input.js';
import { contractResolver, messages, showDate, useLoad } from '../lib/form-kit.js';
import { AdmTable } from './AdmTable.js';
import { ErrorLine } from '../lib/ErrorLine.js';

/** The server wants times: from the start of the first day to the end of the last, Norwegian time (whatever the PC's zone). */
function query(from: string, to: string) {
  return { from: osloInstant(from, '00:00') ?? '', to: osloInstant(addDays(to, 1), '00:00') ?? '' };
}

interface Period {
  from: string;
  to: string;
}
/** The two days as the report's own query, checked by its schema (an order, a limit on the span). */
const PeriodFields = z.preprocess((p: Period) => query(p.from, p.to), AkutthjelperReportQuery);

export function AkutthjelperReportBox({ names }: { names: Map<string, string> }) {
  const t = useT();
  const decimal = useDecimal();
  const today = norwegianDate(new Date());
  const [range, setRange] = useState<Period>({ from: addDays(today, -30), to: today });
  const { data, error, loading } = useLoad(
    $api.useQuery(
      'get',
      '/api/v1/akutthjelper/reports',
      { params: { query: query(range.from, range.to) } },
      { placeholderData: keepPreviousData },
    ),
  );
  const { control, handleSubmit, formState, getValues } = useForm<Period, unknown, z.output<typeof AkutthjelperReportQuery>>({
    defaultValues: range,
    resolver: contractResolver(PeriodFields, t, { from: 'adm.err.period', to: 'adm.err.period' }),
  });
  const periodError = messages(formState.errors).from ?? messages(formState.errors).to;
  const apply = handleSubmit(() => setRange(getValues()));

  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
  return (
    <section className="adm-report" aria-labelledby="adm-report-h">
      <h3 id="adm-report-h">{t('adm.report')}</h3>
      <form onSubmit={(e) => void apply(e)} className="inline" aria-label={t('adm.report.period')} noValidate>
        <DateFormField control={control} name="from" label={t('indicators.from')} className="grow" invalid={!!periodError} />
        <DateFormField control={control} name="to" label={t('indicators.to')} className="grow" error={periodError} />
        <button type="submit" className="adm-inline-button">
          {t('admin.preview')}
        </button>
      </form>
      <ErrorLine error={error} />
      {data && (
        <div aria-busy={loading}>
          <p className="small muted">{t('adm.report.range', { from: showDate(range.from), to: showDate(range.to) })}</p>
          <div className="adm-figures">
            <Figure label={t('adm.report.missions')} value={String(data.byOrganisation.reduce((n, o) => n + o.missions, 0))} />
            <Figure
              label={t('adm.report.median')}
              value={data.medianAlertToArrivalMinutes === null ? '–' : `${decimal(data.medianAlertToArrivalMinutes)} min`}
            />
            <Figure
              label={t('adm.report.before')}
              value={pct(data.shareBeforeAmbulance)}
              sub={t('adm.report.beforeOf', { n: data.arrivedBeforeAmbulance, of: data.arrivalsWithAmbulanceKnown })}
            />
            <Figure label={t('adm.report.bistandHelse')} value={String(data.bistand.helse)} />
            <Figure label={t('adm.report.bistandKommune')} value={String(data.bistand.kommune)} />
            <Figure label={t('adm.report.bistandAcknowledged')} value={String(data.bistand.acknowledged)} />
            <Figure label={t('adm.report.mainRuleOverrides')} value={String(data.mainRuleOverrides.missions)} />
          </div>
          <AdmTable
            label={t('adm.report.byOrganisation')}
            columns={[
              { label: t('adm.org') },
              { label: t('adm.report.missions'), num: true },
              { label: t('adm.report.arrivals'), num: true },
            ]}
            rows={data.byOrganisation}
            empty={t('adm.report.none')}
            row={(o) => (
              <tr key={o.organisationId}>
                <td>
                  {o.name} <span className="tag">{t(`adm.kind.${o.kind}`)}</span>
                </td>
                <td className="num">{o.missions}</td>
                <td className="num">{o.arrivals}</td>
              </tr>
            )}
          />
          <AdmTable
            label={t('adm.report.byKommune')}
            columns={[{ label: t('adm.report.kommune') }, { label: t('adm.report.missions'), num: true }]}
            rows={data.byKommune}
            empty={t('adm.report.none')}
            row={(k) => (
              <tr key={k.kommunenummer ?? '-'}>
                <td>{kommuneText(names, k.kommunenummer, t('adm.report.unknownKommune'))}</td>
                <td className="num">{k.missions}</td>
              </tr>
            )}
          />
        </div>
      )}
    </section>
  );
}

export function Figure({ label, value, sub, warn }: { label: string; value: string; sub?: string; warn?: boolean }) {
  return (
    <div className={warn ? 'adm-figure warn' : 'adm-figure'}>
      <strong>{value}</strong>
      <span>{label}</span>
      {sub && <span className="small muted">{sub}</span>}
    </div>
  );
}
