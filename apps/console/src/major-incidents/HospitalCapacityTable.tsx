// The capacity of the hospitals of a major incident's area (its AMK's and the alerted neighbours')
// as they declared it (§ 16), beside what open major incidents already send them, per category.
// What a hospital says on the phone is entered here; a hospital with an integration sends it
// itself, and every AMK sees the new figure at once.
import { TRANSPORT_CATEGORIES } from '@amk/domain';
import { HospitalCapacity, type HospitalSummary, type MajorIncidentDetail } from '@amk/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clockShort } from '../lib/clock.js';
import { contractResolver, messageOf, messages } from '../lib/form-kit.js';
import { hospitalsFor, useMajorIncidents } from '../store/major-incident-store.js';

export function HospitalCapacityTable({ incident, onError }: { incident: MajorIncidentDetail; onError(m: string | null): void }) {
  const t = useT();
  const hospitals = hospitalsFor(
    incident,
    useMajorIncidents((s) => s.hospitals),
  );
  const [editing, setEditing] = useState<string | null>(null);
  if (!hospitals.length) return null;
  return (
    <details className="mi-capacity">
      <summary>{t('mi.capacity.title')}</summary>
      <table className="mi-counts">
        <thead>
          <tr>
            <th />
            {TRANSPORT_CATEGORIES.map((c) => (
              <th key={c} className={`mi-cat-${c}`} scope="col">
                {t(`mi.cat.${c}`)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {hospitals.map((h) =>
            editing === h.id ? (
              <CapacityRow key={h.id} hospital={h} onDone={() => setEditing(null)} onError={onError} />
            ) : (
              <tr key={h.id} data-testid={`mi-capacity-${h.code}`}>
                <th scope="row" title={h.capacityUpdatedAt ? `${clockShort(h.capacityUpdatedAt)} ${h.capacityUpdatedBy ?? ''}` : undefined}>
                  {h.name}
                </th>
                {TRANSPORT_CATEGORIES.map((c) => (
                  <td key={c} data-category={c} className={h.used[c] >= h.capacity[c] ? 'warn-text' : ''}>
                    {h.used[c]}/{h.capacity[c]}
                  </td>
                ))}
                <td>
                  <button type="button" className="small" onClick={() => setEditing(h.id)}>
                    {t('mi.capacity.edit')}
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </details>
  );
}

type Fields = z.input<typeof HospitalCapacity>;

function CapacityRow({ hospital, onDone, onError }: { hospital: HospitalSummary; onDone(): void; onError(m: string | null): void }) {
  const t = useT();
  const { register, handleSubmit, formState } = useForm<Fields, unknown, z.output<typeof HospitalCapacity>>({
    defaultValues: hospital.capacity,
    resolver: contractResolver(HospitalCapacity, t),
  });
  const errors = messages(formState.errors);
  const save = handleSubmit(async (capacity) => {
    try {
      useMajorIncidents
        .getState()
        .upsertHospital(
          await ok(client.PUT('/api/v1/hospitals/{code}/capacity', { params: { path: { code: hospital.code } }, body: capacity })),
        );
      onError(null);
      onDone();
    } catch (err) {
      onError(messageOf(err));
    }
  });
  return (
    <tr data-testid={`mi-capacity-${hospital.code}`}>
      <th scope="row">{hospital.name}</th>
      {TRANSPORT_CATEGORIES.map((c) => (
        <td key={c}>
          <input
            type="number"
            min={0}
            max={1000}
            aria-label={t('mi.capacity.of', { category: t(`mi.cat.${c}`), hospital: hospital.name })}
            aria-invalid={!!errors[c]}
            title={errors[c]}
            className="mi-capacity-input"
            {...register(c, { valueAsNumber: true })}
          />
        </td>
      ))}
      <td>
        <button type="button" className="small" disabled={formState.isSubmitting} onClick={() => void save()}>
          {t('mi.capacity.save')}
        </button>
      </td>
    </tr>
  );
}
