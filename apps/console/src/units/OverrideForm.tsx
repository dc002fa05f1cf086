// The reason asked for before a § 11 refusal is overridden: from the units table (a unit's own
// status) and from a call's left-out units alike.
import { CrewOverride } from '@amk/contracts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { useT } from '../i18n/i18n.js';
import { contractResolver, Field, messages } from '../lib/form-kit.js';
import './crew.css';
import { ErrorLine } from '../lib/ErrorLine.js';

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
      <ErrorLine error={error} small />
    </form>
  );
}
