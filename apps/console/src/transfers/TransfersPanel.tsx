// Calls handed between centres: incoming ones to accept or decline (they wait in the call queue
// too), and where my own requests stand, with their times and how long the answer took.
import { AnswerButtons } from './AnswerButtons.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { clock } from '../lib/clock.js';
import { formatAge, useNow } from '../lib/use-now.js';
import { isTransferShown } from './recent-transfers.js';

export function TransfersPanel() {
  const t = useT();
  const centreId = useConsole((s) => s.centre?.id);
  const now = useNow(15_000);
  const transfers = Object.values(useConsole((s) => s.transfers))
    .filter((tr) => isTransferShown(tr, now))
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  if (!transfers.length) return null;

  return (
    <section className="panel transfers" aria-labelledby="transfers-heading">
      <h2 id="transfers-heading">{t('transfers.heading')}</h2>
      <ul>
        {transfers.map((tr) => {
          const incoming = tr.toCentre.id === centreId;
          return (
            <li key={tr.id} className={`transfer-${tr.state} ${incoming ? 'incoming' : ''} urgency-${tr.call.urgency ?? 'none'}`}>
              <div>
                <strong>
                  {incoming
                    ? t('transfers.incoming', { centre: tr.fromCentre.name })
                    : t('transfers.outgoing', { centre: tr.toCentre.name })}
                </strong>
                <span className="tag">{t(`transfer.${tr.state}`)}</span>
              </div>
              <div>
                {tr.call.callerName ?? tr.call.callerNumber ?? ''} · {tr.call.addressText ?? ''} · {tr.reason}
              </div>
              <div className="muted">
                {tr.basis && `${tr.basis} · `}
                {tr.conference && `${t('transfers.conferenceTag')} · `}
                {clock(tr.requestedAt)} {tr.requestedBy}
                {tr.answeredAt && ` → ${clock(tr.answeredAt)} ${tr.answeredBy ?? ''}`}
                {tr.answerSeconds !== null && ` (${t('transfers.answeredAfter', { age: formatAge(tr.answerSeconds * 1000) })})`}
              </div>
              {incoming && tr.state === 'REQUESTED' && <AnswerButtons transfer={tr} className="actions" />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
