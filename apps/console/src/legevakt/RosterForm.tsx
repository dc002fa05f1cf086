// Put a doctor on the roster: district, name, the watch in Norwegian time, backup or not, and the
// § 7 competence facts. Checked with the contract before it is sent; the § 7 verdict is shown as
// the facts are ticked. On an error (ours or the server's) everything typed stays; after a save the
// district and period stay for the next entry (often the backup for the same watch).
import { DoctorShiftInput } from '@amk/contracts';
import { mayBeAloneOnCall, mayBeBackup, type DoctorCompetence } from '@amk/domain';
import { useState, type FormEvent } from 'react';
import { client, ok } from '../api/client.js';
import { Field, fieldErrors, messageOf, Outcome } from '../lib/form-kit.js';
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
}

const DOCTOR: Pick<Form, 'doctorName' | 'isBackup' | 'specialistGeneralPractice' | 'approvedGp' | 'watchesDone' | 'monthsInMunicipalService' | 'courseEmergencyMedicine' | 'courseViolenceAndAbuse'> = {
  doctorName: '', isBackup: false, specialistGeneralPractice: false, approvedGp: false, watchesDone: '0', monthsInMunicipalService: '0', courseEmergencyMedicine: false, courseViolenceAndAbuse: false,
};

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
});

const competenceOf = (f: Form): DoctorCompetence => ({
  specialistGeneralPractice: f.specialistGeneralPractice,
  approvedGeneralPractitioner: f.approvedGp,
  legevaktWatches: Number.isFinite(count(f.watchesDone)) ? count(f.watchesDone) : 0,
  monthsAsMunicipalGp: Number.isFinite(count(f.monthsInMunicipalService)) ? count(f.monthsInMunicipalService) : 0,
  courseEmergencyMedicine: f.courseEmergencyMedicine,
  courseViolenceAndAbuse: f.courseViolenceAndAbuse,
});

export function RosterForm({ districts }: { districts: string[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [form, setForm] = useState<Form>(() => ({ district: '', ...tonight(), ...DOCTOR }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = DoctorShiftInput.safeParse(toBody(form));
    if (!parsed.success) {
      const errs = fieldErrors(parsed.error.issues, t, { fromAt: 'roster.err.when', toAt: 'roster.err.when', watchesDone: 'roster.err.count', monthsInMunicipalService: 'roster.err.count' });
      if (parsed.error.issues.some((i) => i.path[0] === 'toAt' && i.code === 'custom')) errs.toAt = t('roster.err.order');
      setErrors(errs);
      setOutcome({ ok: null, error: null });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await ok(client.POST('/api/v1/legevakt/roster', { body: parsed.data }));
      setOutcome({ ok: t('roster.saved', { doctor: parsed.data.doctorName, period: shiftPeriod(parsed.data.fromAt, parsed.data.toAt, locale) }), error: null });
      setForm((f) => ({ ...f, ...DOCTOR }));
      const roster = useRoster.getState();
      roster.showUntil(Date.parse(parsed.data.toAt));
      await roster.load();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  const competence = competenceOf(form);
  const verdict = form.isBackup ? mayBeBackup(competence) : mayBeAloneOnCall(competence);
  const verdictText = form.isBackup ? (verdict.ok ? t('roster.preview.backupOk') : t('roster.preview.backupNot')) : verdict.ok ? t('roster.preview.aloneOk') : t('roster.preview.aloneNot');

  return (
    <form className="adm-form roster-form" onSubmit={submit} aria-label={t('roster.form')} noValidate>
      <h3>{t('roster.form')}</h3>
      <Field label={t('roster.district')} error={errors.district}>
        <input value={form.district} onChange={(e) => set('district', e.target.value)} list="roster-districts" aria-invalid={!!errors.district} />
        <datalist id="roster-districts">
          {districts.map((d) => <option key={d} value={d} />)}
        </datalist>
      </Field>
      <Field label={t('roster.doctor')} error={errors.doctorName}>
        <input value={form.doctorName} onChange={(e) => set('doctorName', e.target.value)} autoComplete="off" aria-invalid={!!errors.doctorName} />
      </Field>
      <fieldset className={errors.fromAt ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('roster.from')}</legend>
        <div className="row">
          <label>
            {t('roster.date')}
            <input type="date" value={form.fromDate} onChange={(e) => set('fromDate', e.target.value)} aria-label={t('roster.fromDate')} aria-invalid={!!errors.fromAt} />
          </label>
          <label>
            {t('roster.time')}
            <input type="time" value={form.fromTime} onChange={(e) => set('fromTime', e.target.value)} aria-label={t('roster.fromTime')} aria-invalid={!!errors.fromAt} />
          </label>
        </div>
        {errors.fromAt && <span className="field-error">{errors.fromAt}</span>}
      </fieldset>
      <fieldset className={errors.toAt ? 'adm-fieldset invalid' : 'adm-fieldset'}>
        <legend>{t('roster.to')}</legend>
        <div className="row">
          <label>
            {t('roster.date')}
            <input type="date" value={form.toDate} onChange={(e) => set('toDate', e.target.value)} aria-label={t('roster.toDate')} aria-invalid={!!errors.toAt} />
          </label>
          <label>
            {t('roster.time')}
            <input type="time" value={form.toTime} onChange={(e) => set('toTime', e.target.value)} aria-label={t('roster.toTime')} aria-invalid={!!errors.toAt} />
          </label>
        </div>
        {errors.toAt && <span className="field-error">{errors.toAt}</span>}
        <span className="hint">{t('roster.timeZone')}</span>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={form.isBackup} onChange={(e) => set('isBackup', e.target.checked)} /> {t('roster.isBackup')}
      </label>
      <fieldset className="adm-fieldset">
        <legend>{t('roster.competence')}</legend>
        <label className="check">
          <input type="checkbox" checked={form.specialistGeneralPractice} onChange={(e) => set('specialistGeneralPractice', e.target.checked)} /> {t('roster.specialist')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.approvedGp} onChange={(e) => set('approvedGp', e.target.checked)} /> {t('roster.approvedGp')}
        </label>
        <div className="row">
          <Field label={t('roster.watches')} error={errors.watchesDone}>
            <input value={form.watchesDone} onChange={(e) => set('watchesDone', e.target.value)} inputMode="numeric" aria-invalid={!!errors.watchesDone} />
          </Field>
          <Field label={t('roster.months')} error={errors.monthsInMunicipalService}>
            <input value={form.monthsInMunicipalService} onChange={(e) => set('monthsInMunicipalService', e.target.value)} inputMode="numeric" aria-invalid={!!errors.monthsInMunicipalService} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={form.courseEmergencyMedicine} onChange={(e) => set('courseEmergencyMedicine', e.target.checked)} /> {t('roster.courseEmergency')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.courseViolenceAndAbuse} onChange={(e) => set('courseViolenceAndAbuse', e.target.checked)} /> {t('roster.courseViolence')}
        </label>
      </fieldset>
      <section className={verdict.ok ? 'roster-preview ok' : 'roster-preview not'} aria-label={t('roster.preview')}>
        <strong>{verdictText}</strong>
        <ul className="reasons">
          {verdict.reasons.map((r) => <li key={r}>{r}</li>)}
        </ul>
      </section>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('roster.save')}</button>
      </div>
      <Outcome {...outcome} />
    </form>
  );
}
