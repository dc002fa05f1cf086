// Calls handed between AMK and the legevaktsentral: incoming ones to accept or decline, and where
// my own requests stand, with their times.
import type { TransferSummary } from '@amk/contracts';
import { api, ApiError } from '../api/http.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { clock } from '../lib/clock.js';

export function TransfersPanel() {
  const t = useT();
  const centreId = useConsole((s) => s.centre?.id);
  const transfers = Object.values(useConsole((s) => s.transfers)).sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  if (!transfers.length) return null;

  async function answer(tr: TransferSummary, decision: 'ACCEPT' | 'DECLINE') {
    try {
      const res = await api<TransferSummary>('POST', `/transfers/${tr.id}/answer`, { decision });
      useConsole.getState().upsertTransfer(res);
      useConsole.getState().upsertCall(res.call);
      if (decision === 'ACCEPT') useConsole.getState().selectCall(res.callId);
    } catch (e) {
      alert(e instanceof ApiError ? e.message : String(e));
    }
  }
  return (
    <section className="panel transfers" aria-labelledby="transfers-heading">
      <h2 id="transfers-heading">{t('transfers.heading')}</h2>
      <ul>
        {transfers.map((tr) => {
          const incoming = tr.toCentre.id === centreId;
          return (
            <li key={tr.id} className={`transfer-${tr.state} ${incoming ? 'incoming' : ''} urgency-${tr.call.urgency ?? 'none'}`}>
              <div>
                <strong>{incoming ? t('transfers.incoming', { centre: tr.fromCentre.name }) : t('transfers.outgoing', { centre: tr.toCentre.name })}</strong>
                <span className="tag">{t(`transfer.${tr.state}`)}</span>
              </div>
              <div>{tr.call.callerName ?? tr.call.callerNumber ?? ''} · {tr.call.addressText ?? ''} · {tr.reason}</div>
              <div className="muted">
                {clock(tr.requestedAt)} {tr.requestedBy}
                {tr.answeredAt && ` → ${clock(tr.answeredAt)} ${tr.answeredBy ?? ''}`}
              </div>
              {incoming && tr.state === 'REQUESTED' && (
                <div className="actions">
                  <button type="button" className="primary" onClick={() => answer(tr, 'ACCEPT')}>{t('transfers.accept')}</button>
                  <button type="button" onClick={() => answer(tr, 'DECLINE')}>{t('transfers.decline')}</button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
