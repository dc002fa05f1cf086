// The call's open mission from the store (a mission leaves the store when it is closed), and its
// full detail with the timeline, fetched again whenever the store's copy changes.
import type { MissionDetail, MissionSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.js';
import { useConsole } from '../../store/console-store.js';

export function useOpenMission(callId: string): MissionSummary | undefined {
  return useConsole((s) => Object.values(s.missions).find((m) => m.callId === callId));
}

/** Every mission.upserted (a unit alerted, a status change) replaces the summary: read the timeline again. */
export function useMissionDetail(mission: MissionSummary | undefined): MissionDetail | null {
  const [detail, setDetail] = useState<MissionDetail | null>(null);
  useEffect(() => {
    if (!mission) return setDetail(null);
    let current = true;
    ok(client.GET('/api/v1/missions/{missionId}', { params: { path: { missionId: mission.id } } })).then(
      (d) => current && setDetail((had) => (had && had.id === d.id && had.updatedAt > d.updatedAt ? had : d)),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [mission]);
  return detail && detail.id === mission?.id ? detail : null;
}
