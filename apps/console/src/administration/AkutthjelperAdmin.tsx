import { CreateAgreementRequest } from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.js';
import { useT } from '../i18n/i18n.js';
import { attempt, useLoad } from './use-load.js';

interface Tree {
  organisations: {
    id: string; name: string; kind: string;
    units: { id: string; name: string; members: { id: string; name: string; phone: string; trainingValidUntil: string | null; onDuty: boolean; hasResponderPage: boolean }[]; agreements: { id: string; kommuner: string[]; eventTypes: string[]; validFrom: string; validTo: string | null }[] }[];
  }[];
}

const EVENT_TYPES = ['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING', 'GENERELL_NEDKJOLING'] as const;
const today = () => new Date().toISOString().slice(0, 10);
const inForce = (a: { validFrom: string; validTo: string | null }) => a.validFrom <= today() && (!a.validTo || a.validTo >= today());

export function AkutthjelperAdmin({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { data, error, reload } = useLoad<Tree>('/akutthjelper/organisations');
  const [msg, setMsg] = useState<string | null>(null);
  const units = data?.organisations.flatMap((o) => o.units.map((u) => ({ ...u, org: o.name }))) ?? [];
  const [form, setForm] = useState({ unitId: '', kommuner: '', eventTypes: [...EVENT_TYPES] as string[], validFrom: today(), validTo: '' });

  async function addAgreement(e: FormEvent) {
    e.preventDefault();
    const body = { unitId: form.unitId, kommuner: form.kommuner.split(/[ ,;]+/).filter(Boolean), eventTypes: form.eventTypes, validFrom: form.validFrom, validTo: form.validTo || null };
    const parsed = CreateAgreementRequest.safeParse(body);
    if (!parsed.success) return setMsg(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const err = await attempt(() => api('POST', '/akutthjelper/agreements', parsed.data));
    setMsg(err ?? t('record.saved'));
    if (!err) await reload();
  }
  const duty = (id: string, onDuty: boolean) => attempt(() => api('PATCH', `/akutthjelper/members/${id}`, { onDuty })).then((err) => (err ? setMsg(err) : reload()));
  const end = (id: string) => attempt(() => api('PATCH', `/akutthjelper/agreements/${id}`, { validTo: today() })).then((err) => (err ? setMsg(err) : reload()));

  return (
    <section className="panel" aria-labelledby="ah-admin">
      <h2 id="ah-admin">{t('akutthjelper.heading')}</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {data?.organisations.map((o) => (
        <div key={o.id} className="admin-org">
          <h3>{o.name} <span className="tag">{o.kind}</span></h3>
          {o.units.map((u) => (
            <div key={u.id} className="admin-unit">
              <strong>{u.name}</strong>
              <ul>
                {u.agreements.map((a) => (
                  <li key={a.id} className={inForce(a) ? '' : 'warn-text'}>
                    {t('admin.agreement')}: {a.kommuner.join(', ')} · {a.eventTypes.map((et) => t(`event.${et as (typeof EVENT_TYPES)[number]}`)).join(', ')} · {a.validFrom}–{a.validTo ?? '…'}
                    {!inForce(a) && ` (${t('admin.notInForce')})`}
                    {canEdit && inForce(a) && <button type="button" onClick={() => end(a.id)}>{t('admin.endAgreement')}</button>}
                  </li>
                ))}
                {u.members.map((m) => {
                  const expiring = !m.trainingValidUntil || m.trainingValidUntil < new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
                  return (
                    <li key={m.id}>
                      {m.name} · {m.phone} · <span className={expiring ? 'warn-text' : ''}>{t('admin.training')} {m.trainingValidUntil ?? '–'}</span>
                      {m.hasResponderPage && <span className="tag">app</span>}
                      <label className="check inline-label">
                        <input type="checkbox" checked={m.onDuty} disabled={!canEdit} onChange={(e) => duty(m.id, e.target.checked)} /> {t('responder.onDuty')}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      ))}
      {canEdit && (
        <form onSubmit={addAgreement} className="admin-form" aria-label={t('admin.newAgreement')}>
          <h3>{t('admin.newAgreement')}</h3>
          <label>
            {t('admin.unit')}
            <select value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
              <option value="">—</option>
              {units.map((u) => <option key={u.id} value={u.id}>{u.org}: {u.name}</option>)}
            </select>
          </label>
          <label>
            {t('admin.kommuner')}
            <input value={form.kommuner} onChange={(e) => setForm({ ...form, kommuner: e.target.value })} placeholder="4601, 4627" />
          </label>
          <fieldset>
            <legend>{t('akutthjelper.eventType')}</legend>
            {EVENT_TYPES.map((et) => (
              <label key={et} className="check">
                <input type="checkbox" checked={form.eventTypes.includes(et)} onChange={(e) => setForm({ ...form, eventTypes: e.target.checked ? [...form.eventTypes, et] : form.eventTypes.filter((x) => x !== et) })} /> {t(`event.${et}`)}
              </label>
            ))}
          </fieldset>
          <div className="row">
            <label>{t('indicators.from')}<input type="date" value={form.validFrom} onChange={(e) => setForm({ ...form, validFrom: e.target.value })} /></label>
            <label>{t('indicators.to')}<input type="date" value={form.validTo} onChange={(e) => setForm({ ...form, validTo: e.target.value })} /></label>
          </div>
          <button type="submit" className="primary">{t('admin.save')}</button>
        </form>
      )}
      {msg && <p role="status" className="status">{msg}</p>}
    </section>
  );
}
