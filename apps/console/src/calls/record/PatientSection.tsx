import type { CallRecord } from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/http.js';
import { useT } from '../../i18n/i18n.js';

export function PatientSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const [v, setV] = useState({ callerName: record.callerName ?? '', patientName: record.patientName ?? '', nationalId: record.nationalId ?? '', addressText: record.addressText ?? '', language: record.language ?? '', interpreterUsed: record.interpreterUsed });
  const [msg, setMsg] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = { interpreterUsed: v.interpreterUsed };
    for (const k of ['callerName', 'patientName', 'nationalId', 'addressText', 'language'] as const) {
      const now = v[k].trim() || null;
      if (now !== (record[k] ?? null)) body[k] = now;
    }
    try {
      onSaved(await api<CallRecord>('PATCH', `/calls/${record.id}`, body));
      setMsg(t('record.saved'));
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  const input = (k: 'callerName' | 'patientName' | 'nationalId' | 'addressText' | 'language', label: string) => (
    <label>
      {label}
      <input value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </label>
  );
  return (
    <form className="section" onSubmit={save}>
      <h3>{t('record.patient')}</h3>
      {input('callerName', t('form.callerName'))}
      {input('patientName', t('record.patientName'))}
      {input('nationalId', t('record.nationalId'))}
      {input('addressText', t('form.address'))}
      {input('language', t('record.language'))}
      <label className="check">
        <input type="checkbox" checked={v.interpreterUsed} onChange={(e) => setV({ ...v, interpreterUsed: e.target.checked })} /> {t('record.interpreter')}
      </label>
      {record.birthDate && <p className="muted">{record.birthDate} {record.sex ?? ''}</p>}
      <button type="submit">{t('record.save')}</button>
      {msg && <span role="status" className="status">{msg}</span>}
    </form>
  );
}
