// Declare a major incident (masseskadehendelse, § 15 o) from the open call, at the call's place.
import { MAJOR_INCIDENT_LEVELS } from '@amk/domain';
import { type CallRecord, DeclareMajorIncidentRequest } from '@amk/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useT } from '../i18n/i18n.js';
import { contractResolver, Field, messageOf, messages } from '../lib/form-kit.js';
import { declare } from './major-incident-api.js';

const DeclareFields = DeclareMajorIncidentRequest.pick({ level: true, description: true });
type Fields = z.input<typeof DeclareFields>;

export function DeclareForm({ record, onError }: { record: CallRecord; onError(m: string | null): void }) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<Fields, unknown, z.output<typeof DeclareFields>>({
    defaultValues: { level: 'RED', description: '' },
    resolver: contractResolver(DeclareFields, t, { description: 'mi.err.description' }),
  });
  if (record.lat == null || record.lon == null) return <p className="muted">{t('mi.noPosition')}</p>;
  const { lat, lon } = record;
  const errors = messages(formState.errors);
  const submit = handleSubmit(async (body) => {
    try {
      await declare(record.id, { ...body, lat, lon });
      onError(null);
    } catch (err) {
      onError(messageOf(err)); // what was typed stays
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('mi.level')} error={errors.level}>
        <select {...register('level')}>
          {MAJOR_INCIDENT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`mi.level.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('mi.description')} error={errors.description}>
        <input {...register('description')} maxLength={500} />
      </Field>
      <button type="submit" disabled={formState.isSubmitting}>
        {t('mi.declare')}
      </button>
    </form>
  );
}
