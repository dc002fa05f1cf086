// Caller and patient details. The form follows the record as others change it (an AML position,
// a colleague's edit) but never overwrites what this operator has typed and not yet saved.
import type { CallRecord } from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/http.js';
import { useT } from '../../i18n/i18n.js';
import { useDraft } from './use-draft.js';

const TEXT_FIELDS = ['callerName', 'patientName', 'nationalId', 'addressText', 'language'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const fromRecord = (r: CallRecord) => ({
  callerName: r.callerName ?? '', patientName: r.patientName ?? '', nationalId: r.nationalId ?? '', addressText: r.addressText ?? '', language: r.language ?? '',
  interpreterUsed: r.interpreterUsed,
});

export function PatientSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const draft = useDraft(fromRecord(record));
  const v = draft.values;
  const [msg, setMsg] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const sent = { ...draft.edits };
    const body: Record<string, unknown> = {};
    for (const k of TEXT_FIELDS) if (k in sent) body[k] = (sent[k] ?? '').trim() || null;
    if (sent.interpreterUsed !== undefined) body.interpreterUsed = sent.interpreterUsed;
    if (Object.keys(body).length === 0) return;
    try {
      onSaved(await api<CallRecord>('PATCH', `/calls/${record.id}`, body));
      draft.saved(sent);
      setMsg(t('record.saved'));
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the edits stay in the form
    }
  }
  const input = (k: TextField, label: string) => {
    const theirs = draft.changedUnder(k);
    return (
      <label className={k in draft.edits ? 'edited' : undefined}>
        {label}
        <input value={v[k]} onChange={(e) => draft.set(k, e.target.value)} />
        {theirs !== undefined && (
          <span className="muted small">
            {t('record.changedElsewhere', { value: theirs || '–' })}{' '}
            <button type="button" className="small-button" onClick={() => draft.undo(k)}>{t('record.useTheirs')}</button>
          </span>
        )}
      </label>
    );
  };
  const dirty = Object.keys(draft.edits).length > 0;
  return (
    <form className="section" onSubmit={save}>
      <h3>{t('record.patient')}</h3>
      {input('callerName', t('form.callerName'))}
      {input('patientName', t('record.patientName'))}
      {input('nationalId', t('record.nationalId'))}
      {input('addressText', t('form.address'))}
      {input('language', t('record.language'))}
      <label className="check">
        <input type="checkbox" checked={v.interpreterUsed} onChange={(e) => draft.set('interpreterUsed', e.target.checked)} /> {t('record.interpreter')}
      </label>
      {record.birthDate && <p className="muted">{record.birthDate} {record.sex ?? ''}</p>}
      <button type="submit" disabled={!dirty}>{t('record.save')}</button>
      {dirty && <span className="muted small"> {t('record.unsaved')}</span>}
      {msg && <span role="status" className="status">{msg}</span>}
    </form>
  );
}
