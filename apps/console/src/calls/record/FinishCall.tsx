// Finish the call record. With a mission still open, the operator is asked for the mission's
// outcome first (or says plainly that the mission goes on): a mission is never left open silently.
import type { CallRecord } from '@amk/contracts';
import { useState } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { CloseMissionForm } from './CloseMissionForm.js';
import { useOpenMission } from './use-mission.js';

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
  const onFinish = () => (mission ? setAsking(true) : void finish());

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
      {!(asking && mission) && (
        <button type="button" onClick={onFinish}>
          {t('record.finish')}
        </button>
      )}
      {msg && (
        <p role="alert" className="error">
          {msg}
        </p>
      )}
    </div>
  );
}
