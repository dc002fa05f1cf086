import type { CallRecord, TriageCriterion } from '@amk/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/http.js';
import { useT } from '../../i18n/i18n.js';
import { useDraft } from './use-draft.js';

let catalogue: Promise<TriageCriterion[]> | null = null;
const criteria = () => (catalogue ??= api<{ criteria: TriageCriterion[] }>('GET', '/triage/criteria').then((r) => r.criteria));

export function TriageSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const [list, setList] = useState<TriageCriterion[]>([]);
  // The criterion follows the record (a colleague may triage it) until this operator types one.
  const draft = useDraft({ code: record.criterionCode ?? '' });
  const code = draft.values.code;
  const [urgency, setUrgency] = useState<string>('');
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  useEffect(() => void criteria().then(setList, () => setList([])), []);
  const chosen = list.find((c) => c.code === code);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      onSaved(await api<CallRecord>('POST', `/calls/${record.id}/triage`, { criterionCode: code, ...(urgency && { urgency }), ...(reason.trim() && { reason: reason.trim() }) }));
      draft.saved({ code });
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <form className="section" onSubmit={submit}>
      <h3>{t('record.triage')}</h3>
      <label>
        {t('record.criterion')}
        <input list="criteria" value={code} onChange={(e) => draft.set('code', e.target.value.toUpperCase())} placeholder="A.06.01" />
        <datalist id="criteria">{list.map((c) => <option key={c.code} value={c.code}>{c.chapterTitle}: {c.text}</option>)}</datalist>
      </label>
      {chosen && <p className="muted">{chosen.text}{chosen.isSample ? ' (eksempel)' : ''}</p>}
      <label>
        {t('form.urgency')}
        <select value={urgency} onChange={(e) => setUrgency(e.target.value)}>
          <option value="">{chosen ? `${chosen.urgency} (${t(`urgency.${chosen.urgency}`)})` : '—'}</option>
          {(['A', 'H', 'V'] as const).map((u) => <option key={u} value={u}>{u} – {t(`urgency.${u}`)}</option>)}
        </select>
      </label>
      {chosen && urgency && urgency !== chosen.urgency && (
        <label>
          {t('record.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
      )}
      <button type="submit" disabled={!code}>{t('record.setTriage')}</button>
      {msg && <p role="alert" className="error">{msg}</p>}
    </form>
  );
}
