// Before the operator alerts: may akutthjelpere be alerted for this mission and event type, and
// who (nearest first)? Asked again when the event type, the mission's place or its alerts change
// (members already alerted drop out of the candidates). An answer for another event type than the
// one now chosen is the caller's to ignore (see its eventType).
import type { AkutthjelperEventType, CandidatesAnswer, MissionSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.js';

export function useAkutthjelperCandidates(
  mission: MissionSummary,
  eventType: AkutthjelperEventType | '',
  alertCount: number,
): CandidatesAnswer | null {
  const [answer, setAnswer] = useState<CandidatesAnswer | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the place and the alerts sent are triggers: the candidates change with them
  useEffect(() => {
    if (!eventType) return setAnswer(null);
    let current = true;
    ok(
      client.GET('/api/v1/missions/{missionId}/akutthjelper/candidates', {
        params: { path: { missionId: mission.id }, query: { eventType } },
      }),
    ).then(
      (a) => current && setAnswer(a),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [mission.id, mission.lat, mission.lon, mission.kommunenummer, eventType, alertCount]);
  return answer;
}
