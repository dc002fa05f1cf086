// Callers who hung up before anyone answered wait at the top of the queue until an operator says
// how calling back went, or links the lost call to a later call from the same number. Every console
// of the centre shows the same rows; one that is settled leaves them all.
import { OPERATOR_CALLBACK_OUTCOMES } from '@amk/domain';
import { ApiError } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clock } from '../lib/clock.js';
import { formatAge } from '../lib/use-now.js';
import { useConsole } from '../store/console-store.js';
import { laterCallFrom, openCallbacks, resolveCallback } from './resolve-callback.js';
import './callbacks.css';

const CHOICES = OPERATOR_CALLBACK_OUTCOMES.filter((o) => o !== 'LINKED');
const SETTLERS: readonly string[] = ['amk_operator', 'amk_doctor', 'lv_operator'];

export function CallbackRows({ now }: { now: number }) {
  const t = useT();
  const rows = openCallbacks(useConsole((s) => s.callbacks));
  const calls = useConsole((s) => s.calls);
  // only operators settle a callback (the server says so too); others see the list
  const operator = useConsole((s) => !!s.me && SETTLERS.includes(s.me.role));
  const fail = (e: unknown) => alert(t('callbacks.failed', { reason: e instanceof ApiError ? e.message : String(e) }));
  return (
    <>
      {rows.map((cb) => {
        const later = laterCallFrom(cb, calls);
        const number = cb.callerNumber ?? t('callbacks.unknownNumber');
        return (
          <li key={cb.id} className="call-row callback" data-callback-id={cb.id} aria-label={t('callbacks.rowLabel', { number })}>
            <div className="call-main">
              <span className="urgency-badge callback-badge" title={t('callbacks.badgeTitle')}>
                ↩
              </span>
              <span className="call-text">
                <span className="call-who">
                  <span className="callback-tag">{t('callbacks.badge')}</span> {number}
                </span>
                <span className="call-where">{t('callbacks.rang', { line: cb.line, time: clock(cb.ringingAt), s: cb.waitedSeconds })}</span>
              </span>
              <span className="call-meta">
                <span className="timer" title={t('callbacks.since')} data-testid="callback-age">
                  <span className="timer-label">{t('callbacks.ageLabel')}</span> {formatAge(now - Date.parse(cb.endedAt ?? cb.ringingAt))}
                </span>
              </span>
            </div>
            {operator && (
              <fieldset className="callback-actions bare" aria-label={t('callbacks.outcomeLabel')}>
                <span className="muted">{t('callbacks.outcomeLabel')}</span>
                {CHOICES.map((o) => (
                  <button key={o} type="button" onClick={() => resolveCallback(cb, { outcome: o }).catch(fail)}>
                    {t(`callbacks.outcome.${o}`)}
                  </button>
                ))}
                {later && (
                  <button type="button" onClick={() => resolveCallback(cb, { outcome: 'LINKED', linkedCallId: later.id }).catch(fail)}>
                    {t('callbacks.link', { time: clock(later.ringingAt) })}
                  </button>
                )}
              </fieldset>
            )}
          </li>
        );
      })}
    </>
  );
}
