// The doctors on call right now, for the LVS operator about to send the legevakt car on a home
// visit (sykebesøk). The roster is kept per district (free text) and has no link to the units, so
// every district's doctor on call is shown, with the § 7 flag when one may not be alone unbacked.
import { useEffect } from 'react';
import { useNow } from '../lib/use-now.js';
import { useLocale, useT } from '../i18n/i18n.js';
import './legevakt.css';
import { shiftPeriod } from './oslo-time.js';
import { onCallAt, useRoster } from './roster-store.js';

export function DoctorsOnCallNow() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const shifts = useRoster((s) => s.shifts);
  const now = useNow(30_000);
  useEffect(() => void useRoster.getState().load(), []);
  if (shifts === null) return null;
  const current = onCallAt(shifts, now);
  return (
    <section className="on-call-now" aria-label={t('onCall.heading')}>
      <h4>{t('onCall.heading')}</h4>
      {current.length === 0 && <p className="warn-text small">{t('onCall.none')}</p>}
      <ul>
        {current.map((s) => (
          <li key={s.id}>
            <span className="muted">{s.district}:</span> <strong>{s.doctorName}</strong>
            {s.isBackup && <span className="tag">{t('roster.backup')}</span>}
            <span className="muted small"> {shiftPeriod(s.fromAt, s.toAt, locale, now)}</span>
            {s.flags.map((f) => (
              <span key={f.code} className="warn-badge" title={f.message}>
                {t(f.code === 'BACKUP_NOT_QUALIFIED' ? 'onCall.flagBackup' : 'onCall.flag')}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p className="hint">{t('onCall.noUnitLink')}</p>
    </section>
  );
}
