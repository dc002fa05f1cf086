// § 15 m: the AMK's doctor with emergency-medicine competence, around the clock. Who is on now and
// how to reach them, every stretch of the next 7 days with nobody (flagged, as a doctor missing is
// not something to find out at 03:00), and a form to put a doctor on the roster.
import { AmkDoctorShiftInput } from '@amk/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { $api, client, ok } from '../api/client.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { DateFormField, TimeFormField } from '../lib/date-time-input.js';
import { contractResolver, Field, messageOf, messages, Outcome, useLoad } from '../lib/form-kit.js';
import { osloInstant, shiftPeriod, tonight } from './oslo-time.js';
import './legevakt.css';
import { ErrorLine } from '../lib/ErrorLine.js';

const RELOAD_MS = 60_000;

interface Form {
  doctorName: string;
  reachAt: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}
/** The form's Norwegian wall-clock fields as the contract's request, checked by the server's own schema. */
const Shift = z.preprocess(
  (f: Form) => ({
    doctorName: f.doctorName,
    ...(f.reachAt.trim() && { reachAt: f.reachAt }),
    fromAt: osloInstant(f.fromDate, f.fromTime),
    toAt: osloInstant(f.toDate, f.toTime),
  }),
  AmkDoctorShiftInput,
);

export function AmkDoctorPanel() {
  const t = useT();
  const locale = useLocale((l) => l.locale);
  // Asked again every minute, and at once after a shift is saved here.
  const {
    data: roster,
    error,
    reload,
  } = useLoad($api.useQuery('get', '/api/v1/amk/doctor-roster', undefined, { refetchInterval: RELOAD_MS }));
  // drawn when first opened (see lib/use-opened-once.ts), then kept so a half-filled form survives closing
  const [formDrawn, setFormDrawn] = useState(false);
  const now = Date.now();
  const onDuty = roster?.shifts.find((s) => Date.parse(s.fromAt) <= now && now < Date.parse(s.toAt));
  return (
    <section className="panel roster" aria-labelledby="amk-doctor-heading">
      <h2 id="amk-doctor-heading">{t('amkDoctor.heading')}</h2>
      <ErrorLine error={error} small />
      {roster && (
        <p data-testid="amk-doctor-now" className={onDuty ? '' : 'warn-text'}>
          {onDuty ? t('amkDoctor.now', { doctor: onDuty.doctorName, reach: onDuty.reachAt ?? '–' }) : t('amkDoctor.nobody')}
        </p>
      )}
      {roster && roster.gaps.length > 0 && (
        <div className="roster-gaps" role="alert" data-testid="amk-doctor-gaps">
          <strong>{t('amkDoctor.gaps', { n: roster.gaps.length })}</strong>
          <ul>
            {roster.gaps.map((g) => (
              <li key={g.from}>
                <span className="period">{shiftPeriod(g.from, g.to, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <details onToggle={(e) => e.currentTarget.open && setFormDrawn(true)}>
        <summary>{t('amkDoctor.add')}</summary>
        {formDrawn && <AmkDoctorForm onSaved={() => void reload()} />}
      </details>
    </section>
  );
}

function AmkDoctorForm({ onSaved }: { onSaved(): void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const { register, control, handleSubmit, formState, reset, getValues } = useForm<Form, unknown, z.output<typeof AmkDoctorShiftInput>>({
    defaultValues: { doctorName: '', reachAt: '', ...tonight() },
    resolver: contractResolver(Shift, t, {
      doctorName: 'amkDoctor.err.name',
      toAt: 'amkDoctor.err.period',
      fromAt: 'amkDoctor.err.period',
    }),
  });
  const errors = messages(formState.errors);
  const submit = handleSubmit(async (body) => {
    try {
      await ok(client.POST('/api/v1/amk/doctor-roster', { body }));
      setOutcome({ ok: t('amkDoctor.saved', { doctor: body.doctorName }), error: null });
      // The next entry is most often the next watch by someone else: keep the dates, clear the name.
      reset({ ...getValues(), doctorName: '', reachAt: '' });
      onSaved();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) }); // what was typed stays
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('amkDoctor.add')} noValidate className="roster-form">
      <Field label={t('amkDoctor.name')} error={errors.doctorName}>
        <input {...register('doctorName')} maxLength={200} />
      </Field>
      <Field label={t('amkDoctor.reachAt')} error={errors.reachAt}>
        <input {...register('reachAt')} maxLength={100} />
      </Field>
      <fieldset className={errors.fromAt ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('amkDoctor.from')}</legend>
        <div className="row">
          <DateFormField control={control} name="fromDate" aria-label={t('amkDoctor.fromDate')} invalid={!!errors.fromAt} />
          <TimeFormField control={control} name="fromTime" aria-label={t('amkDoctor.fromTime')} invalid={!!errors.fromAt} />
        </div>
        {errors.fromAt && <span className="field-error">{errors.fromAt}</span>}
      </fieldset>
      <fieldset className={errors.toAt ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('amkDoctor.to')}</legend>
        <div className="row">
          <DateFormField control={control} name="toDate" aria-label={t('amkDoctor.toDate')} invalid={!!errors.toAt} />
          <TimeFormField control={control} name="toTime" aria-label={t('amkDoctor.toTime')} invalid={!!errors.toAt} />
        </div>
        {errors.toAt && <span className="field-error">{errors.toAt}</span>}
      </fieldset>
      <button type="submit" disabled={formState.isSubmitting}>
        {t('amkDoctor.save')}
      </button>
      <Outcome ok={outcome.ok} error={outcome.error} />
    </form>
  );
}
