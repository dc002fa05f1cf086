// Close a mission with its outcome (§ 15 h). The outcome is free text on the server; the console
// offers the usual ones and a note, and records them in Norwegian like the rest of the record.
import type { MissionDetail, MissionSummary } from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { translate, useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';

const OUTCOMES = ['TRANSPORTED', 'TREATED_ON_SCENE', 'HANDED_OVER', 'NO_PATIENT', 'DEAD', 'CANCELLED', 'OTHER'] as const;
type Outcome = (typeof OUTCOMES)[number];

function outcomeText(outcome: Outcome, note: string): string {
  const label = translate('nb', `outcome.${outcome}`);
  return note.trim() ? `${label}: ${note.trim()}` : label;
}

export function CloseMissionForm({ mission, submitLabel, onClosed }: { mission: MissionSummary; submitLabel?: string; onClosed(m: MissionDetail): void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  const needsNote = outcome === 'OTHER' && !note.trim();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!outcome || needsNote) return;
    setBusy(true);
    try {
      const closed = await ok(client.POST('/api/v1/missions/{missionId}/close', { params: { path: { missionId: mission.id } }, body: { outcome: outcomeText(outcome, note) } }));
      setMsg(null);
      onClosed(closed); // first, so the closed mission is in view when the store lets it go
      useConsole.getState().upsertMission(closed);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the choice and note stay
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="close-mission" onSubmit={submit} aria-label={t('missions.closeTitle')}>
      <h3>{t('missions.closeTitle')}</h3>
      <div className="row">
        <label>
          {t('missions.outcome')}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | '')} required>
            <option value="">{t('missions.chooseOutcome')}</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome.${o}`)}</option>)}
          </select>
        </label>
        <label>
          {t('missions.outcomeNote')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={900} required={outcome === 'OTHER'} placeholder={outcome === 'OTHER' ? t('missions.noteRequired') : ''} />
        </label>
      </div>
      <button type="submit" className="primary" disabled={!outcome || needsNote || busy}>{submitLabel ?? t('missions.close')}</button>
      {msg && <p role="alert" className="error">{msg}</p>}
    </form>
  );
}
