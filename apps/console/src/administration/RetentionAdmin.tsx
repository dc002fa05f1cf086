// § 20: what is due, held and deleted; what a purge on a given day would delete; holds.
import { useState, type FormEvent } from 'react';
import { api } from '../api/http.js';
import { useT } from '../i18n/i18n.js';
import { attempt, useLoad } from './use-load.js';

interface Overview { today: string; total: number; dueWithin30Days: number; held: number; deletedPerMonth: { month: string; count: number }[]; purgeRuns: { id: string; startedAt: string; asOfDate: string; deletedCount: number; error: string | null; finishedAt: string | null }[] }
interface Preview { date: string; wouldDelete: number; heldBack: number }
const REASONS = ['tilsyn', 'klage', 'erstatning', 'annen_saksbehandling', 'dokumentasjonsverdi'] as const;

export function RetentionAdmin({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { data, error, reload } = useLoad<Overview>('/recordings/retention');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [hold, setHold] = useState({ recordingId: '', reason: 'klage', caseRef: '' });
  const [msg, setMsg] = useState<string | null>(null);

  const dryRun = async (e: FormEvent) => {
    e.preventDefault();
    setPreview(await api<Preview>('GET', `/recordings/purge/preview?date=${date}`));
  };
  const placeHold = async (e: FormEvent) => {
    e.preventDefault();
    const err = await attempt(() => api('POST', `/recordings/${hold.recordingId.trim()}/holds`, { reason: hold.reason, caseRef: hold.caseRef }));
    setMsg(err ?? t('record.saved'));
    if (!err) await reload();
  };
  return (
    <section className="panel" aria-labelledby="ret-admin">
      <h2 id="ret-admin">{t('admin.retention')}</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {data && (
        <>
          <p>{t('admin.recordings')}: <strong>{data.total}</strong> · {t('admin.dueSoon')}: <strong>{data.dueWithin30Days}</strong> · {t('admin.held')}: <strong>{data.held}</strong></p>
          <table aria-label={t('admin.deletedPerMonth')}><tbody>{data.deletedPerMonth.map((m) => <tr key={m.month}><td>{m.month}</td><td>{m.count}</td></tr>)}</tbody></table>
          <table aria-label={t('admin.purgeRuns')}>
            <tbody>{data.purgeRuns.map((r) => <tr key={r.id}><td>{new Date(r.startedAt).toLocaleString('nb-NO')}</td><td>{r.asOfDate}</td><td>{r.deletedCount}</td><td className={r.error ? 'error' : ''}>{r.error ?? (r.finishedAt ? '✓' : '…')}</td></tr>)}</tbody>
          </table>
        </>
      )}
      <form onSubmit={dryRun} className="inline">
        <label className="grow">{t('admin.dryRun')}<input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <button type="submit">{t('admin.preview')}</button>
      </form>
      {preview && <p role="status">{t('admin.wouldDelete', { n: preview.wouldDelete, held: preview.heldBack, date: preview.date })}</p>}
      {canEdit && (
        <form onSubmit={placeHold} className="admin-form" aria-label={t('admin.hold')}>
          <h3>{t('admin.hold')}</h3>
          <label>{t('admin.recordingId')}<input value={hold.recordingId} onChange={(e) => setHold({ ...hold, recordingId: e.target.value })} /></label>
          <label>
            {t('admin.reason')}
            <select value={hold.reason} onChange={(e) => setHold({ ...hold, reason: e.target.value })}>
              {REASONS.map((r) => <option key={r} value={r}>{t(`hold.${r}`)}</option>)}
            </select>
          </label>
          <label>{t('admin.caseRef')}<input value={hold.caseRef} onChange={(e) => setHold({ ...hold, caseRef: e.target.value })} /></label>
          <button type="submit" className="primary">{t('admin.placeHold')}</button>
        </form>
      )}
      {msg && <p role="status" className="status">{msg}</p>}
    </section>
  );
}
