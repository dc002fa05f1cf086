// Before the operator alerts: may akutthjelpere be alerted for this mission and event type, and
// who (nearest first)? Asked again when the event type, the mission's place or its alerts change
// (members already alerted drop out of the candidates). An answer for another event type (or
// without the override now asked for) is never returned for this one.
import type { CandidatesAnswer, MissionSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.js';

export function useAkutthjelperCandidates(
  mission: MissionSummary,
  /** one of the four, or (with `override`) the event outside the main rule as typed */
  eventType: string,
  alertCount: number,
  override = false,
): CandidatesAnswer | null {
  const key = `${eventType}\u0001${override}`;
  const [answer, setAnswer] = useState<{ key: string; answer: CandidatesAnswer } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the place and the alerts sent are triggers: the candidates change with them
  useEffect(() => {
    if (!eventType) return setAnswer(null);
    let current = true;
    ok(
      client.GET('/api/v1/missions/{missionId}/akutthjelper/candidates', {
        params: { path: { missionId: mission.id }, query: { eventType, ...(override ? { override: 'true' as const } : {}) } },
      }),
    ).then(
      (a) => current && setAnswer({ key, answer: a }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [mission.id, mission.lat, mission.lon, mission.kommunenummer, key, alertCount]);
  return answer?.key === key ? answer.answer : null;
}
