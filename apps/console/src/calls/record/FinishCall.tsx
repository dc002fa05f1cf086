// Finish the call record. With a mission still open, the operator is asked for the mission's
// outcome first (or says plainly that the mission goes on): a mission is never left open silently.
// With nothing ever sent, the operator says why (FinishWithoutMission).
import type { CallRecord } from '@amk/contracts';
import { useState } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { CloseMissionForm } from './CloseMissionForm.js';
import { FinishWithoutMission } from './FinishWithoutMission.js';
import { useOpenMission } from './use-mission.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

export function FinishCall({ record }: { record: CallRecord }) {
  const t = useT();
  const mission = useOpenMission(record.id);
  const [asking, setAsking] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);

  async function finish() {
    try {
      await ok(client.POST('/api/v1/calls/{id}/close', { params: { path: { id: record.id } } }));
      useConsole.getState().selectCall(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  const [nothingSent, setNothingSent] = useState(false);
  async function onFinish() {
    if (mission) return setAsking(true);
    // the record on screen may predate a mission made and closed since: ask the server
    try {
      const fresh = await ok(client.GET('/api/v1/calls/{id}', { params: { path: { id: record.id } } }));
      if (fresh.missionCount === 0) {
        setNothingSent(true);
        return setAsking(true);
      }
    } catch (err) {
      return setMsg(err instanceof ApiError ? err.message : String(err));
    }
    await finish();
  }

  return (
    <div className="finish">
      {asking && mission && (
        <div className="section prompt" role="alertdialog" aria-label={t('record.finish')}>
          <p role="alert" className="prompt-text">
            {t('record.missionOpen', { units: mission.units.map((u) => u.callSign).join(', ') })}
          </p>
          <CloseMissionForm mission={mission} submitLabel={t('missions.closeAndFinish')} onClosed={() => void finish()} />
          <div className="row">
            <button type="button" onClick={() => void finish()}>
              {t('record.finishLeaveOpen')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('record.cancel')}
            </button>
          </div>
        </div>
      )}
      {asking && !mission && nothingSent && <FinishWithoutMission record={record} onFinish={finish} onCancel={() => setAsking(false)} />}
      {!(asking && (mission || nothingSent)) && (
        <button type="button" onClick={() => void onFinish()}>
          {t('record.finish')}
        </button>
      )}
      <ErrorLine error={msg} />
    </div>
  );
}
