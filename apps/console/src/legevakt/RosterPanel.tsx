// The doctors on call in the next 24 hours per district, with the § 7 verdict on every shift: a
// doctor who may not be on call alone is flagged while no qualified backup doctor covers the
// shift. The form below puts a doctor (or a backup) on the roster; with an empty roster it is open.
import type { RosterGap } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { useLocale, useT, type MessageKey } from '../i18n/i18n.js';
import './legevakt.css';
import { shiftPeriod } from './oslo-time.js';
import { RosterForm } from './RosterForm.js';
import { useOpenedOnce } from '../lib/use-opened-once.js';
import { useRoster, type RosterShift } from './roster-store.js';
import { ErrorLine } from '../lib/ErrorLine.js';

const FLAG_KEYS: Record<string, MessageKey> = {
  NO_QUALIFIED_BACKUP: 'roster.flag.NO_QUALIFIED_BACKUP',
  BACKUP_NOT_QUALIFIED: 'roster.flag.BACKUP_NOT_QUALIFIED',
};

export function RosterPanel() {
  const t = useT();
  const { shifts: all, gaps, until, error } = useRoster();
  // The list shows the next 24 h (or up to a shift just saved); the gaps look 7 days ahead.
  const horizon = Math.max(Date.now() + 24 * 3_600_000, until);
  const shifts = all === null ? null : all.filter((s) => Date.parse(s.fromAt) < horizon);
  const [formOpen, setFormOpen] = useState(false);
  useEffect(() => {
    const load = () => void useRoster.getState().load();
    load();
    const id = setInterval(load, 60_000);
    return () => clearInterval(id);
  }, []);

  const empty = shifts !== null && shifts.length === 0;
  const open = formOpen || empty;
  const formDrawn = useOpenedOnce(open);
  const districts = [...new Set((shifts ?? []).map((s) => s.district))].sort();
  return (
    <section className="panel roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('roster.heading')}</h2>
      <ErrorLine error={error} small />
      {empty && <p className="muted">{t('roster.empty')}</p>}
      {gaps.length > 0 && <RosterGaps gaps={gaps} />}
      {shifts && shifts.length > 0 && (
        <ul aria-label={t('roster.list')}>
          {shifts.map((s) => (
            <ShiftItem key={s.id} shift={s} />
          ))}
        </ul>
      )}
      {!empty && (
        <button
          type="button"
          className="roster-toggle"
          aria-expanded={open}
          aria-controls="roster-form"
          onClick={() => setFormOpen((o) => !o)}
        >
          {open ? t('roster.hideForm') : t('roster.addShift')}
        </button>
      )}
      {/* drawn when first opened, then kept mounted so a half-filled form survives closing it */}
      <div id="roster-form" hidden={!open}>
        {formDrawn && <RosterForm districts={districts} />}
      </div>
    </section>
  );
}

/** Every stretch of the next 7 days with no doctor on call, first first (døgnkontinuerlig, § 6). */
function RosterGaps({ gaps }: { gaps: RosterGap[] }) {
  const t = useT();
  const locale = useLocale((l) => l.locale);
  return (
    <div className="roster-gaps" role="alert">
      <strong>{t('roster.gaps', { n: gaps.length })}</strong>
      <ul aria-label={t('roster.gapsList')}>
        {[...gaps]
          .sort((a, b) => a.from.localeCompare(b.from))
          .map((g) => (
            <li key={`${g.district} ${g.from}`}>
              {g.district} · <span className="period">{shiftPeriod(g.from, g.to, locale)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

function ShiftItem({ shift: s }: { shift: RosterShift }) {
  const t = useT();
  const locale = useLocale((l) => l.locale);
  const flagged = s.flags.length > 0;
  let verdict: { text: string; ok: boolean } | null = null;
  if (!flagged) {
    if (s.isBackup) verdict = { text: t('roster.verdict.backupOk'), ok: true };
    else if (s.mayBeAlone) verdict = { text: t('roster.verdict.aloneOk'), ok: true };
    else verdict = { text: t('roster.verdict.covered'), ok: true };
  }
  return (
    <li className={flagged ? 'flagged' : ''} aria-label={s.doctorName}>
      <strong>{s.doctorName}</strong> {s.isBackup && <span className="tag">{t('roster.backup')}</span>}
      <div className="muted">
        {s.district} · <span className="period">{shiftPeriod(s.fromAt, s.toAt, locale)}</span>
      </div>
      {verdict && <div className="ok-text small verdict">✓ {verdict.text}</div>}
      {s.flags.map((f) => (
        <div key={f.code} className="warn-text verdict" role="alert">
          ⚠ {FLAG_KEYS[f.code] ? t(FLAG_KEYS[f.code]!, { doctor: s.doctorName }) : f.message}
        </div>
      ))}
      {(flagged || (!s.isBackup && !s.mayBeAlone)) && (
        <details className="reasons">
          <summary>{t('roster.why')}</summary>
          <ul>
            {(flagged ? s.flags.flatMap((f) => f.reasons) : s.reasons).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
