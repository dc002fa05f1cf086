// Tonight's doctors on call per district, with the § 7 check: a doctor who may not be on call
// alone is flagged while no qualified backup doctor covers the shift.
import { useEffect, useState } from 'react';
import { api } from '../api/http.js';
import { useT } from '../i18n/i18n.js';

interface Shift {
  id: string;
  district: string;
  doctorName: string;
  fromAt: string;
  toAt: string;
  isBackup: boolean;
  mayBeAlone: boolean;
  reasons: string[];
  flags: { code: string; message: string }[];
}

const time = (iso: string) => new Date(iso).toLocaleTimeString('nb-NO', { hour: '2-digit', minute: '2-digit' });

export function RosterPanel() {
  const t = useT();
  const [shifts, setShifts] = useState<Shift[]>([]);
  useEffect(() => {
    const load = () => api<{ shifts: Shift[] }>('GET', '/legevakt/roster').then((r) => setShifts(r.shifts), () => {});
    void load();
    const id = setInterval(load, 60_000);
    return () => clearInterval(id);
  }, []);
  if (!shifts.length) return null;
  return (
    <section className="panel roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('roster.heading')}</h2>
      <ul>
        {shifts.map((s) => (
          <li key={s.id} className={s.flags.length ? 'flagged' : ''}>
            <strong>{s.doctorName}</strong> {s.isBackup && <span className="tag">{t('roster.backup')}</span>}
            <div className="muted">{s.district} · {time(s.fromAt)}–{time(s.toAt)}</div>
            {s.flags.map((f) => <div key={f.code} className="warn-text" role="alert">⚠ {f.message}</div>)}
          </li>
        ))}
      </ul>
    </section>
  );
}
