// Calls another centre is handing to mine wait in the queue like a ringing call: urgency, who is
// calling and where, the reason, and how long the offer has waited, with accept and decline.
import { formatAge } from '../lib/use-now.js';
import { kommuneName } from '../lib/kommune-names.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { incomingHandOvers } from './answer-transfer.js';
import { AnswerButtons } from './AnswerButtons.js';

export function HandOverRows({ now }: { now: number }) {
  const t = useT();
  const centreId = useConsole((s) => s.centre?.id);
  const rows = incomingHandOvers(
    useConsole((s) => s.transfers),
    centreId,
  );
  return (
    <>
      {rows.map((tr) => (
        <li key={tr.id} className={`call-row handover urgency-${tr.call.urgency ?? 'none'}`} data-transfer-id={tr.id}>
          <div className="call-main">
            <span className="urgency-badge" title={t(tr.call.urgency ? `urgency.${tr.call.urgency}` : 'urgency.none')}>
              {tr.call.urgency ?? '–'}
            </span>
            <span className="call-text">
              <span className="call-who">{tr.call.callerName ?? tr.call.callerNumber ?? t('calls.unknownCaller')}</span>
              <span className="call-where">{tr.call.addressText ?? kommuneName(tr.call.kommunenummer) ?? t('calls.noAddress')}</span>
              <span className="call-owner">
                {t('transfers.incoming', { centre: tr.fromCentre.name })}
                {tr.basis ? ` (${tr.basis})` : ''}
                {tr.conference ? ` · ${t('transfers.conferenceTag')}` : ''}: {tr.reason}
              </span>
            </span>
            <span className="call-meta">
              <span className="timer" title={t('transfers.waiting')} data-testid="handover-wait">
                <span className="timer-label">{t('transfers.waitLabel')}</span> {formatAge(now - Date.parse(tr.requestedAt))}
              </span>
            </span>
          </div>
          <AnswerButtons transfer={tr} className="handover-actions" />
        </li>
      ))}
    </>
  );
}
