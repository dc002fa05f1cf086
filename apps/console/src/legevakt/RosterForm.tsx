// Put a doctor on the roster: district, name, the watch in Norwegian time, backup or not, and the
// § 7 competence facts. Checked with the contract before it is sent; the § 7 verdict is shown as
// the facts are ticked. On an error (ours or the server's) everything typed stays; after a save the
// district and period stay for the next entry (often the backup for the same watch). A vikar may
// carry the statsforvalter's exemption (§ 7 third paragraph): its reference and the post's days.
import { DoctorShiftInput } from '@amk/contracts';
import { exemptionCovers, mayBeAloneOnCall, mayBeBackup, type DoctorCompetence, norwegianDate } from '@amk/domain';
import { useState } from 'react';
import { useForm, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import { client, ok } from '../api/client.js';
import { DateFormField, TimeFormField } from '../lib/date-time-input.js';
import { contractResolver, Field, messageOf, messages, Outcome } from '../lib/form-kit.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { osloInstant, shiftPeriod, tonight } from './oslo-time.js';
import { useRoster } from './roster-store.js';

interface Form {
  district: string;
  doctorName: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  isBackup: boolean;
  specialistGeneralPractice: boolean;
  approvedGp: boolean;
  watchesDone: string;
  monthsInMunicipalService: string;
  courseEmergencyMedicine: boolean;
  courseViolenceAndAbuse: boolean;
  exemptionRef: string;
  exemptionFrom: string;
  exemptionTo: string;
}

const DOCTOR: Omit<Form, 'district' | 'fromDate' | 'fromTime' | 'toDate' | 'toTime'> = {
  doctorName: '',
  isBackup: false,
  specialistGeneralPractice: false,
  approvedGp: false,
  watchesDone: '0',
  monthsInMunicipalService: '0',
  courseEmergencyMedicine: false,
  courseViolenceAndAbuse: false,
  exemptionRef: '',
  exemptionFrom: '',
  exemptionTo: '',
};

/** The exemption as the contract takes it, when a reference is written. */
const exemptionOf = (f: Form) =>
  f.exemptionRef.trim() ? { reference: f.exemptionRef, validFrom: f.exemptionFrom, validTo: f.exemptionTo } : undefined;

const count = (s: string) => (s.trim() === '' ? 0 : Number(s.trim()));

const toBody = (f: Form) => ({
  district: f.district,
  doctorName: f.doctorName,
  fromAt: osloInstant(f.fromDate, f.fromTime),
  toAt: osloInstant(f.toDate, f.toTime),
  isBackup: f.isBackup,
  specialistGeneralPractice: f.specialistGeneralPractice,
  approvedGp: f.approvedGp,
  watchesDone: count(f.watchesDone),
  monthsInMunicipalService: count(f.monthsInMunicipalService),
  courseEmergencyMedicine: f.courseEmergencyMedicine,
  courseViolenceAndAbuse: f.courseViolenceAndAbuse,
  exemption: exemptionOf(f),
});

/** The contract's own schema over what the inputs hold: Oslo date and time as instants, counts as numbers. */
const Shift = z.preprocess((f: Form) => toBody(f), DoctorShiftInput);

const competenceOf = (f: Form): DoctorCompetence => ({
  specialistGeneralPractice: f.specialistGeneralPractice,
  approvedGeneralPractitioner: f.approvedGp,
  legevaktWatches: Number.isFinite(count(f.watchesDone)) ? count(f.watchesDone) : 0,
  monthsAsMunicipalGp: Number.isFinite(count(f.monthsInMunicipalService)) ? count(f.monthsInMunicipalService) : 0,
  courseEmergencyMedicine: f.courseEmergencyMedicine,
  courseViolenceAndAbuse: f.courseViolenceAndAbuse,
  // As the server judges it: the exemption counts on a watch whose days it covers, never for a backup.
  statsforvalterExemption: !f.isBackup && exemptionCovers(exemptionOf(f) ?? null, f.fromDate, lastDay(f)),
});

/** The shift's last Norwegian day as the server counts it: that of its last moment (ending 00:00 ends the day before). */
function lastDay(f: Form): string {
  const end = osloInstant(f.toDate, f.toTime);
  return end ? norwegianDate(new Date(Date.parse(end) - 1)) : f.toDate;
}

export function RosterForm({ districts }: { districts: string[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { register, handleSubmit, reset, getValues, control, formState } = useForm<Form, unknown, DoctorShiftInput>({
    defaultValues: { district: '', ...tonight(), ...DOCTOR },
    resolver: contractResolver(Shift, t, {
      fromAt: 'roster.err.when',
      toAt: 'roster.err.when',
      watchesDone: 'roster.err.count',
      monthsInMunicipalService: 'roster.err.count',
    }),
    reValidateMode: 'onSubmit', // a field's error changes when the form is saved again, as before
    shouldFocusError: false,
  });
  const errors = messages(formState.errors);
  const shiftErrors: FieldErrors = formState.errors; // fromAt and toAt are not inputs of their own
  if (shiftErrors.toAt?.type === 'custom') errors.toAt = t('roster.err.order');
  const busy = formState.isSubmitting;
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });

  const submit = handleSubmit(
    async (shift) => {
      try {
        await ok(client.POST('/api/v1/legevakt/roster', { body: shift }));
        setOutcome({
          ok: t('roster.saved', { doctor: shift.doctorName, period: shiftPeriod(shift.fromAt, shift.toAt, locale) }),
          error: null,
        });
        reset({ ...getValues(), ...DOCTOR });
        const roster = useRoster.getState();
        roster.showUntil(Date.parse(shift.toAt));
        await roster.load();
      } catch (err) {
        setOutcome({ ok: null, error: messageOf(err) });
      }
    },
    () => setOutcome({ ok: null, error: null }),
  );

  return (
    <form
      className="adm-form roster-form"
      onSubmit={(e) => (busy ? e.preventDefault() : void submit(e))}
      aria-label={t('roster.form')}
      noValidate
    >
      <h3>{t('roster.form')}</h3>
      <Field label={t('roster.district')} error={errors.district}>
        <input {...register('district')} list="roster-districts" aria-invalid={!!errors.district} />
        <datalist id="roster-districts">
          {districts.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </Field>
      <Field label={t('roster.doctor')} error={errors.doctorName}>
        <input {...register('doctorName')} autoComplete="off" aria-invalid={!!errors.doctorName} />
      </Field>
      <fieldset className={errors.fromAt ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('roster.from')}</legend>
        <div className="row">
          <DateFormField
            control={control}
            name="fromDate"
            label={t('roster.date')}
            aria-label={t('roster.fromDate')}
            invalid={!!errors.fromAt}
          />
          <TimeFormField
            control={control}
            name="fromTime"
            label={t('roster.time')}
            aria-label={t('roster.fromTime')}
            invalid={!!errors.fromAt}
          />
        </div>
        {errors.fromAt && <span className="field-error">{errors.fromAt}</span>}
      </fieldset>
      <fieldset className={errors.toAt ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('roster.to')}</legend>
        <div className="row">
          <DateFormField control={control} name="toDate" label={t('roster.date')} aria-label={t('roster.toDate')} invalid={!!errors.toAt} />
          <TimeFormField control={control} name="toTime" label={t('roster.time')} aria-label={t('roster.toTime')} invalid={!!errors.toAt} />
        </div>
        {errors.toAt && <span className="field-error">{errors.toAt}</span>}
        <span className="hint">{t('roster.timeZone')}</span>
      </fieldset>
      <label className="check">
        <input type="checkbox" {...register('isBackup')} /> {t('roster.isBackup')}
      </label>
      <fieldset className="adm-fieldset">
        <legend>{t('roster.competence')}</legend>
        <label className="check">
          <input type="checkbox" {...register('specialistGeneralPractice')} /> {t('roster.specialist')}
        </label>
        <label className="check">
          <input type="checkbox" {...register('approvedGp')} /> {t('roster.approvedGp')}
        </label>
        <div className="row">
          <Field label={t('roster.watches')} error={errors.watchesDone}>
            <input {...register('watchesDone')} inputMode="numeric" aria-invalid={!!errors.watchesDone} />
          </Field>
          <Field label={t('roster.months')} error={errors.monthsInMunicipalService}>
            <input {...register('monthsInMunicipalService')} inputMode="numeric" aria-invalid={!!errors.monthsInMunicipalService} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" {...register('courseEmergencyMedicine')} /> {t('roster.courseEmergency')}
        </label>
        <label className="check">
          <input type="checkbox" {...register('courseViolenceAndAbuse')} /> {t('roster.courseViolence')}
        </label>
      </fieldset>
      <fieldset className={errors.exemption ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('roster.exemption')}</legend>
        <Field label={t('roster.exemptionRef')}>
          <input {...register('exemptionRef')} autoComplete="off" aria-invalid={!!errors.exemption} />
        </Field>
        <div className="row">
          <DateFormField control={control} name="exemptionFrom" label={t('roster.exemptionFrom')} invalid={!!errors.exemption} />
          <DateFormField control={control} name="exemptionTo" label={t('roster.exemptionTo')} invalid={!!errors.exemption} />
        </div>
        {errors.exemption && <span className="field-error">{errors.exemption}</span>}
        <span className="hint">{t('roster.exemptionHint')}</span>
      </fieldset>
      <Verdict control={control} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('roster.save')}
        </button>
      </div>
      <Outcome {...outcome} />
    </form>
  );
}

/** The § 7 verdict as the facts are ticked; only this part re-renders while the operator types. */
function Verdict({ control }: { control: Control<Form, unknown, DoctorShiftInput> }) {
  const t = useT();
  const form = useWatch({ control }) as Form;
  const competence = competenceOf(form);
  const verdict = form.isBackup ? mayBeBackup(competence) : mayBeAloneOnCall(competence);
  const verdictText = form.isBackup
    ? verdict.ok
      ? t('roster.preview.backupOk')
      : t('roster.preview.backupNot')
    : verdict.ok
      ? t('roster.preview.aloneOk')
      : t('roster.preview.aloneNot');

  return (
    <section className={verdict.ok ? 'roster-preview ok' : 'roster-preview not'} aria-label={t('roster.preview')}>
      <strong>{verdictText}</strong>
      <ul className="reasons">
        {verdict.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}
