// Recording a notification that was phoned in (no gateway, or the gateway failed): who at the
// recipient confirmed, and at what time. Until then the row says it must be phoned; the time is the
// operator's (Norwegian wall clock, today or, when later than now, yesterday), defaulting to now.
import type { NotificationSummary } from '@amk/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { clockShort } from '../../lib/clock.js';
import { osloInstant, osloToday } from '../../lib/oslo-calendar.js';
import { useConsole } from '../../store/console-store.js';

export function PhonedInForm({ notification, onDone }: { notification: NotificationSummary; onDone: () => void }) {
  const t = useT();
  const [by, setBy] = useState('');
  const [at, setAt] = useState(() => clockShort(Date.now()));
  const [error, setError] = useState<string | null>(null);
  const byInput = useRef<HTMLInputElement>(null);
  // The operator just asked for this form: the name is what they type next.
  useEffect(() => byInput.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // A time later than now was yesterday's (confirmed at 23:58, recorded at 00:03).
    const today = osloInstant(osloToday(), at);
    const instant = today && Date.parse(today) > Date.now() + 60_000 ? osloInstant(osloToday(Date.now(), 1), at) : today;
    if (!instant) return setError(t('notify.phonedAtInvalid'));
    try {
      const n = await ok(
        client.POST('/api/v1/notifications/{notificationId}/ack', {
          params: { path: { notificationId: notification.id } },
          body: { by: by.trim(), at: instant },
        }),
      );
      useConsole.getState().upsertNotification(n);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <form className="phoned-in" aria-label={t('notify.ackManual')} onSubmit={submit}>
      <label>
        {t('notify.confirmedBy')}
        <input ref={byInput} required maxLength={200} value={by} onChange={(e) => setBy(e.target.value)} />
      </label>
      <label>
        {t('notify.phonedAt')}
        <input type="time" required value={at} onChange={(e) => setAt(e.target.value)} />
      </label>
      <button type="submit">{t('notify.savePhonedIn')}</button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}
