// Give a patient of a major incident a destination hospital and a transporting unit. The proposed
// hospital (red to the nearest first, none over its declared capacity) is chosen in advance; the
// operator decides. The hospitals of the incident's area (its AMK's and the alerted neighbours')
// come first; any other (a national burn or trauma centre) is listed apart and, like a hospital
// that declared no room left for the patient's category, needs a reason, which the server keeps
// and logs as an override.
import { isAvailable } from '@amk/domain';
import { AssignTransportRequest, type HospitalSummary, type MajorIncidentPatient, Uuid } from '@amk/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useT } from '../i18n/i18n.js';
import { contractResolver, Field, messageOf, messages } from '../lib/form-kit.js';
import { useConsole } from '../store/console-store.js';
import { assignTransport } from './major-incident-api.js';
import { hospitalsByArea, useMajorIncidents } from '../store/major-incident-store.js';

const TransportFields = z.object({
  hospitalId: Uuid,
  unitId: z.string(),
  overrideReason: AssignTransportRequest.shape.override.unwrap().shape.reason.or(z.literal('')),
});
type Fields = z.input<typeof TransportFields>;

/** A registered patient of a major incident, as its row and its transport form get it. */
export interface PatientProps {
  majorIncidentId: string;
  patient: MajorIncidentPatient;
  proposedHospitalId: string | undefined;
  onError(m: string | null): void;
}

export function TransportForm({ majorIncidentId, patient, proposedHospitalId, onError }: PatientProps) {
  const t = useT();
  const incident = useMajorIncidents((s) => s.incidents[majorIncidentId]);
  const allHospitals = useMajorIncidents((s) => s.hospitals);
  const { area: hospitals, elsewhere } = incident ? hospitalsByArea(incident, allHospitals) : { area: [], elsewhere: [] };
  const centreId = useConsole((s) => s.me?.centre.id);
  const allUnits = useConsole((s) => s.units);
  const units = Object.values(allUnits)
    .filter((u) => u.centreId === centreId && u.kind !== 'LEGEVAKT_CAR')
    .sort((a, b) => Number(isAvailable(b.status)) - Number(isAvailable(a.status)) || a.callSign.localeCompare(b.callSign, 'nb'));
  const { register, handleSubmit, formState, control, setError } = useForm<Fields, unknown, z.output<typeof TransportFields>>({
    values: { hospitalId: proposedHospitalId ?? '', unitId: '', overrideReason: '' },
    resetOptions: { keepDirtyValues: true },
    resolver: contractResolver(TransportFields, t, { hospitalId: 'mi.err.hospital', overrideReason: 'mi.err.override' }),
  });
  const hospitalId = useWatch({ control, name: 'hospitalId' });
  const chosen = allHospitals[hospitalId];
  const category = patient.category === 'DEAD' ? null : patient.category;
  const outsideArea = !!chosen && elsewhere.includes(chosen);
  const needsReason = outsideArea || (!!chosen && !!category && chosen.used[category] >= chosen.capacity[category]);
  const errors = messages(formState.errors);

  const submit = handleSubmit(async ({ hospitalId, unitId, overrideReason }) => {
    if (needsReason && !overrideReason) return setError('overrideReason', { message: t('mi.err.override') });
    try {
      await assignTransport(majorIncidentId, patient.id, {
        hospitalId,
        unitId: unitId || null,
        ...(needsReason ? { override: { reason: overrideReason } } : {}),
      });
      onError(null);
    } catch (err) {
      onError(messageOf(err));
    }
  });
  function option(h: HospitalSummary) {
    const room = category ? Math.max(0, h.capacity[category] - h.used[category]) : null;
    return (
      <option key={h.id} value={h.id}>
        {h.name}
        {room !== null && ` (${t('mi.room', { n: room })})`}
        {h.id === proposedHospitalId && ` · ${t('mi.proposed')}`}
      </option>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('mi.transportFor', { card: patient.cardNumber })} noValidate>
      <Field label={t('mi.hospital')} error={errors.hospitalId}>
        <select {...register('hospitalId')}>
          <option value="">{t('mi.chooseHospital')}</option>
          {hospitals.map(option)}
          {elsewhere.length > 0 && <optgroup label={t('mi.otherHospitals')}>{elsewhere.map(option)}</optgroup>}
        </select>
      </Field>
      <Field label={t('mi.unit')}>
        <select {...register('unitId')}>
          <option value="">{t('mi.noUnit')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.callSign} · {t(`status.${u.status}`)}
            </option>
          ))}
        </select>
      </Field>
      {needsReason && (
        <Field label={t(outsideArea ? 'mi.outsideAreaReason' : 'mi.overrideReason')} error={errors.overrideReason}>
          <input {...register('overrideReason')} maxLength={500} />
        </Field>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        {t('mi.assign')}
      </button>
    </form>
  );
}
