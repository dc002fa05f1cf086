// Hand the call to the other kind of centre: AMK → legevaktsentral (§ 15 g), LVS → AMK (§ 13 b).
// A red call at the legevaktsentral prompts the operator to hand it to AMK.
import type { CallRecord, CentreRef, TransferSummary } from '@amk/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/http.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';

let centresPromise: Promise<CentreRef[]> | null = null;
const centres = () => (centresPromise ??= api<{ centres: CentreRef[] }>('GET', '/centres').then((r) => r.centres));

export function TransferSection({ record }: { record: CallRecord }) {
  const t = useT();
  const me = useConsole((s) => s.centre);
  const pending = Object.values(useConsole((s) => s.transfers)).find((x) => x.callId === record.id && x.state === 'REQUESTED');
  const [targets, setTargets] = useState<CentreRef[]>([]);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  useEffect(() => {
    void centres().then((all) => {
      const other = all.filter((c) => c.kind !== me?.kind);
      setTargets(other);
      setTo((current) => current || other[0]?.code || '');
    });
  }, [me?.kind]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      useConsole.getState().upsertTransfer(await api<TransferSummary>('POST', `/calls/${record.id}/transfers`, { toCentre: to, reason }));
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  const red = me?.kind === 'LVS' && record.urgency === 'A';
  return (
    <form className={`section ${red ? 'prompt' : ''}`} onSubmit={submit}>
      <h3>{t('record.transfer')}</h3>
      {red && !pending && <p role="alert" className="prompt-text">{t('record.redToAmk')}</p>}
      {pending ? (
        <p className="muted">{t('transfers.outgoing', { centre: pending.toCentre.name })}: {t('transfer.REQUESTED')}</p>
      ) : (
        <>
          <label>
            {t('record.transferTo', { centre: '' })}
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              {targets.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
          </label>
          <label>
            {t('record.transferReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" disabled={!to || !reason.trim()}>{t('record.transferTo', { centre: targets.find((c) => c.code === to)?.code ?? '' })}</button>
        </>
      )}
      {msg && <p role="alert" className="error">{msg}</p>}
    </form>
  );
}
