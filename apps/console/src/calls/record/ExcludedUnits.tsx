// Units the ranking left out, under it, each with the reason in words (crew fails § 11, position
// too old, another centre's unit, on another mission), so the operator never wonders where the
// nearest free car went. A free own unit whose crew fails § 11 can still be sent, but only with a
// reason (the override), which the server keeps on the unit and the mission and audits.
import { useDecimal } from '../../i18n/numbers.js';
import { CrewOverride, type ExcludedUnit } from '@amk/contracts';
import { isAvailable } from '@amk/domain';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useT } from '../../i18n/i18n.js';
import { contractResolver, Field, messages } from '../../lib/form-kit.js';
import '../../units/crew.css';

export function ExcludedUnits({
  excluded,
  maxAgeMinutes,
  onOverride,
}: {
  excluded: ExcludedUnit[];
  maxAgeMinutes: number;
  /** Sends the unit anyway with the reason; rejects with the server's message. */
  onOverride(unitId: string, reason: string): Promise<void>;
}) {
  const t = useT();
  const decimal = useDecimal();
  const [asking, setAsking] = useState<string | null>(null);
  if (excluded.length === 0) return null;
  return (
    <div className="excluded-units">
      <h4 id="excluded-heading">{t('recs.excludedHeading')}</h4>
      <ul aria-labelledby="excluded-heading">
        {excluded.map((u) => {
          const canOverride = u.reason === 'CREW_FAILS_SECTION_11' && u.own && isAvailable(u.status);
          return (
            <li key={u.unitId} className={`excluded reason-${u.reason}`}>
              <span className="call-sign">{u.callSign}</span> <span className="muted">{t(`unitKind.${u.kind}`)}</span>{' '}
              <strong className={u.reason === 'CREW_FAILS_SECTION_11' ? 'warn-text' : ''}>
                {t(`recs.reason.${u.reason}`, { n: u.positionAgeMinutes ?? maxAgeMinutes, max: maxAgeMinutes })}
              </strong>
              {u.distanceKm !== null && <span className="muted small"> · {decimal(u.distanceKm)} km</span>}
              {u.crewProblem && <div className="muted small">{u.crewProblem}</div>}
              {u.crewOverrideReason && (
                <div className="small override-note">{t('units.crewOverride', { reason: u.crewOverrideReason })}</div>
              )}
              {canOverride && asking !== u.unitId && (
                <button type="button" className="small-button" onClick={() => setAsking(u.unitId)}>
                  {t('recs.dispatchAnyway', { unit: u.callSign })}
                </button>
              )}
              {canOverride && asking === u.unitId && (
                <OverrideForm
                  unit={u.callSign}
                  onCancel={() => setAsking(null)}
                  onSubmit={(reason) => onOverride(u.unitId, reason).then(() => setAsking(null))}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Asks for the reason before a § 11 refusal is overridden; the server's refusal stays in view. */
export function OverrideForm({
  unit,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  unit: string;
  submitLabel?: string;
  onSubmit(reason: string): Promise<void>;
  onCancel(): void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, control, formState } = useForm<z.input<typeof CrewOverride>, unknown, z.output<typeof CrewOverride>>({
    defaultValues: { reason: '' },
    resolver: contractResolver(CrewOverride, t, { reason: 'units.overrideReasonInvalid' }),
  });
  const reason = useWatch({ control, name: 'reason' });
  const busy = formState.isSubmitting;
  const errors = messages(formState.errors);
  const submit = handleSubmit(async (body) => {
    try {
      await onSubmit(body.reason);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err)); // the reason stays
    }
  });
  return (
    <form
      className="override-form"
      aria-label={t('units.overrideTitle', { unit })}
      onSubmit={(e) => (busy ? e.preventDefault() : void submit(e))}
      noValidate
    >
      <p className="small">{t('units.overrideExplain')}</p>
      <Field label={t('units.overrideReason')} error={errors.reason}>
        {/* biome-ignore lint/a11y/noAutofocus: the operator asked to override and is to type the reason next */}
        <input maxLength={500} autoFocus aria-invalid={!!errors.reason} {...register('reason')} />
      </Field>
      <button type="submit" className="primary small-button" disabled={busy || reason.trim().length < 3}>
        {submitLabel ?? t('units.overrideSend')}
      </button>
      <button type="button" className="small-button" onClick={onCancel}>
        {t('record.cancel')}
      </button>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </form>
  );
}
