// Register a patient of a major incident by the number on their triage card and the card's colour.
import { TRIAGE_CATEGORIES } from '@amk/domain';
import { RegisterPatientRequest } from '@amk/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useT } from '../i18n/i18n.js';
import { contractResolver, Field, messageOf, messages } from '../lib/form-kit.js';
import { registerPatient } from './major-incident-api.js';

const PatientFields = RegisterPatientRequest.pick({ cardNumber: true, category: true });
type Fields = z.input<typeof PatientFields>;

export function RegisterPatientForm({ majorIncidentId, onError }: { majorIncidentId: string; onError(m: string | null): void }) {
  const t = useT();
  const { register, handleSubmit, formState, reset, getValues, setFocus } = useForm<Fields, unknown, z.output<typeof PatientFields>>({
    defaultValues: { cardNumber: '', category: 'RED' },
    resolver: contractResolver(PatientFields, t, { cardNumber: 'mi.err.card' }),
  });
  const errors = messages(formState.errors);
  const submit = handleSubmit(async ({ cardNumber, category }) => {
    try {
      await registerPatient(majorIncidentId, cardNumber, category);
      // The next card is most often the same colour: keep it, clear the number, ready to type.
      reset({ cardNumber: '', category: getValues('category') });
      setFocus('cardNumber');
      onError(null);
    } catch (err) {
      onError(messageOf(err));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} className="mi-register" aria-label={t('mi.register')} noValidate>
      <Field label={t('mi.card')} error={errors.cardNumber}>
        <input {...register('cardNumber')} maxLength={40} autoComplete="off" />
      </Field>
      <Field label={t('mi.category')} error={errors.category}>
        <select {...register('category')}>
          {TRIAGE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`mi.cat.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={formState.isSubmitting}>
        {t('mi.register')}
      </button>
    </form>
  );
}
