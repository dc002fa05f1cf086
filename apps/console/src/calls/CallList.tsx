// Open calls, most urgent first and then oldest: ringing calls form the queue at the top, and the
// first operator to take one owns it (the others see the owner at once).
import type { CallSummary } from '@amk/contracts';
import { api, ApiError } from '../api/http.js';
import { formatAge, useNow } from '../app/use-now.js';
import { useT } from '../i18n/i18n.js';
import { sortCalls, useConsole } from '../store/console-store.js';

export function CallList() {
  const t = useT();
  const now = useNow();
  const calls = sortCalls(Object.values(useConsole((s) => s.calls)));
  const selected = useConsole((s) => s.selectedCallId);
  const me = useConsole((s) => s.me);
  const ringing = calls.filter((c) => c.state === 'RINGING');

  async function take(call: CallSummary) {
    try {
      useConsole.getState().upsertCall(await api<CallSummary>('POST', `/calls/${call.id}/take`));
      useConsole.getState().selectCall(call.id);
    } catch (e) {
      alert(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section className="panel calls" aria-labelledby="calls-heading">
      <h2 id="calls-heading">
        {t('calls.heading')} <span className="count">{calls.length}</span>
        {ringing.length > 0 && <span className="ringing-badge">{t('calls.ringing', { n: ringing.length })}</span>}
      </h2>
      {calls.length === 0 && <p className="muted">{t('calls.empty')}</p>}
      <ul className="call-list" aria-label={t('calls.heading')}>
        {calls.map((c) => (
          <li key={c.id} className={`call-row urgency-${c.urgency ?? 'none'} ${c.id === selected ? 'selected' : ''} state-${c.state}`}>
            <button type="button" className="call-main" onClick={() => useConsole.getState().selectCall(c.id)} aria-current={c.id === selected}>
              <span className="urgency-badge" title={t(c.urgency ? `urgency.${c.urgency}` : 'urgency.none')}>{c.urgency ?? '–'}</span>
              <span className="call-text">
                <span className="call-who">{c.callerName ?? c.callerNumber ?? t('calls.unknownCaller')}</span>
                <span className="call-where">{c.addressText ?? t('calls.noAddress')}</span>
              </span>
              <span className="call-meta">
                <span className="line">{c.line}</span>
                <span className="state">{t(`state.${c.state}`)}</span>
                <span className="age" title={c.ringingAt}>{formatAge(now - Date.parse(c.ringingAt))}</span>
              </span>
            </button>
            {c.state === 'RINGING' && !c.operatorId && (
              <button type="button" className="take" onClick={() => take(c)}>{t('calls.take')}</button>
            )}
            {c.operatorId && c.operatorId !== me?.id && c.state !== 'RINGING' && <span className="owner muted" title="operator">●</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
