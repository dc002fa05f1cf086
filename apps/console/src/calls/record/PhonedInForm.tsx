// Recording a notification that was phoned in (no gateway, or the gateway failed): who at the
// recipient confirmed, and at what time. Until then the row says it must be phoned; the time is the
// operator's (Norwegian wall clock, today or, when later than now, yesterday), defaulting to now.
// The name is checked by the contract's AcknowledgeRequest, the time as the clock the field shows.
import { addDays, norwegianDate } from '@amk/domain';
import { AcknowledgeRequest, type NotificationSummary } from '@amk/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { clockShort } from '../../lib/clock.js';
import { TimeFormField } from '../../lib/date-time-input.js';
import { contractResolver, messages } from '../../lib/form-kit.js';
import { osloInstant } from '../../lib/oslo-calendar.js';
import { useConsole } from '../../store/console-store.js';

const PhonedIn = z.object({ by: AcknowledgeRequest.shape.by, at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) });
type Fields = z.input<typeof PhonedIn>;

/** The instant of a wall-clock time today in Norway; a time later than now was yesterday's (23:58 recorded at 00:03). */
function instantOf(at: string): string | undefined {
  const today = osloInstant(norwegianDate(new Date()), at);
  return today && Date.parse(today) > Date.now() + 60_000 ? osloInstant(addDays(norwegianDate(new Date()), -1), at) : today;
}

export function PhonedInForm({ notification, onDone }: { notification: NotificationSummary; onDone: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const { register, control, handleSubmit, formState } = useForm<Fields, unknown, z.output<typeof PhonedIn>>({
    defaultValues: { by: '', at: clockShort(Date.now()) },
    resolver: contractResolver(PhonedIn, t, { by: 'notify.confirmedByMissing', at: 'notify.phonedAtInvalid' }),
  });
  const errors = messages(formState.errors);
  const submit = handleSubmit(async ({ by, at }) => {
    const instant = instantOf(at);
    if (!instant) return setError(t('notify.phonedAtInvalid'));
    try {
      const n = await ok(
        client.POST('/api/v1/notifications/{notificationId}/ack', {
          params: { path: { notificationId: notification.id } },
          body: { by, at: instant },
        }),
      );
      useConsole.getState().upsertNotification(n);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err)); // what was typed stays
    }
  });

  const problem = errors.by ?? errors.at ?? error;
  return (
    <form className="phoned-in" aria-label={t('notify.ackManual')} onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {t('notify.confirmedBy')}
        {/* biome-ignore lint/a11y/noAutofocus: the operator just asked for this form; the name is what they type next */}
        <input autoFocus maxLength={200} aria-invalid={!!errors.by} {...register('by')} />
      </label>
      <TimeFormField control={control} name="at" label={t('notify.phonedAt')} invalid={!!errors.at} />
      <button type="submit" disabled={formState.isSubmitting}>
        {t('notify.savePhonedIn')}
      </button>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </form>
  );
}
