// Close a mission with its outcome (§ 15 h). The outcome is free text on the server; the console
// offers the usual ones and a note, and records them in Norwegian like the rest of the record.
import { CloseMissionRequest, type MissionDetail, type MissionSummary } from '@amk/contracts';
import { isAvailable } from '@amk/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ApiError, client, ok } from '../../api/client.js';
import { translate, useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

const OUTCOMES = ['TRANSPORTED', 'TREATED_ON_SCENE', 'HANDED_OVER', 'NO_PATIENT', 'DEAD', 'CANCELLED', 'OTHER'] as const;
type Outcome = (typeof OUTCOMES)[number];

function outcomeText(outcome: Outcome, note: string): string {
  const label = translate('nb', `outcome.${outcome}`);
  return note.trim() ? `${label}: ${note.trim()}` : label;
}

interface CloseFields {
  outcome: Outcome | '';
  note: string;
}
const needsNote = (f: CloseFields) => f.outcome === 'OTHER' && !f.note.trim();

/** The contract's own schema over the choice and note: "Annet" without a note is no outcome yet. */
const Close = z.preprocess(
  (f: CloseFields) => ({ outcome: f.outcome && !needsNote(f) ? outcomeText(f.outcome, f.note) : '' }),
  CloseMissionRequest,
);

export function CloseMissionForm({
  mission,
  submitLabel,
  onClosed,
}: {
  mission: MissionSummary;
  submitLabel?: string;
  onClosed(m: MissionDetail): void;
}) {
  const t = useT();
  const { register, handleSubmit, control, formState } = useForm<CloseFields, unknown, z.output<typeof CloseMissionRequest>>({
    defaultValues: { outcome: '', note: '' },
    resolver: zodResolver(Close),
    shouldFocusError: false,
  });
  const [outcome, note] = useWatch({ control, name: ['outcome', 'note'] });
  const busy = formState.isSubmitting;
  const [msg, setMsg] = useState<string | null>(null);
  const incomplete = !outcome || needsNote({ outcome, note });
  // Units still out (alerted, on the way, on scene…): closing releases them, so the form says so.
  const units = useConsole((s) => s.units);
  const out = mission.units.flatMap((mu) => {
    const status = units[mu.unitId]?.status;
    return !mu.releasedAt && status && !isAvailable(status) ? [`${mu.callSign} – ${t(`status.${status}`).toLowerCase()}`] : [];
  });

  const submit = handleSubmit(async (body) => {
    try {
      const closed = await ok(client.POST('/api/v1/missions/{missionId}/close', { params: { path: { missionId: mission.id } }, body }));
      setMsg(null);
      onClosed(closed); // first, so the closed mission is in view when the store lets it go
      useConsole.getState().upsertMission(closed);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the choice and note stay
    }
  });
  return (
    <form className="close-mission" onSubmit={(e) => (busy ? e.preventDefault() : void submit(e))} aria-label={t('missions.closeTitle')}>
      <h3>{t('missions.closeTitle')}</h3>
      <div className="row">
        <label>
          {t('missions.outcome')}
          <select {...register('outcome')} required>
            <option value="">{t('missions.chooseOutcome')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('missions.outcomeNote')}
          <input
            {...register('note')}
            maxLength={900}
            required={outcome === 'OTHER'}
            placeholder={outcome === 'OTHER' ? t('missions.noteRequired') : ''}
          />
        </label>
      </div>
      {out.length > 0 && (
        <p className="warn-text" data-testid="units-out">
          {t('missions.unitsOut', { units: out.join(', ') })}
        </p>
      )}
      {/* Not the primary action: it sits under a mission just alerted, where a slip costs most. */}
      <button type="submit" className="secondary" disabled={incomplete || busy}>
        {submitLabel ?? t('missions.close')}
      </button>
      <ErrorLine error={msg} />
    </form>
  );
}
