// Two clocks on a call: how long since it rang, and once answered, how long the talk has lasted
// (stopped when the call ended).
import type { CallSummary } from '@amk/contracts';
import { formatAge } from '../lib/use-now.js';
import { useT } from '../i18n/i18n.js';

export function CallTimers({ call, now }: { call: CallSummary; now: number }) {
  const t = useT();
  const talkEnd = call.endedAt ? Date.parse(call.endedAt) : now;
  return (
    <span className="call-timers">
      <span className="timer ring" title={t('calls.sinceRinging')} data-testid="ring-timer">
        <span className="timer-label">{t('calls.ringLabel')}</span> {formatAge(now - Date.parse(call.ringingAt))}
      </span>
      {call.answeredAt && (
        <span className="timer talk" title={t('calls.talkTime')} data-testid="talk-timer">
          <span className="timer-label">{t('calls.talkLabel')}</span> {formatAge(talkEnd - Date.parse(call.answeredAt))}
        </span>
      )}
    </span>
  );
}

export function ExerciseBadge({ call }: { call: Pick<CallSummary, 'source'> }) {
  const t = useT();
  return call.source === 'EXERCISE' ? (
    <span className="exercise-badge" title={t('calls.exerciseTitle')}>
      {t('calls.exercise')}
    </span>
  ) : null;
}
