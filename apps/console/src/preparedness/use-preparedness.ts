// My centre's preparedness per kommune (GET /preparedness), loaded once and again when units
// change status or a free unit moves — at most every PREPAREDNESS_REFRESH_MS, with a trailing
// refresh so the last change always counts. Only AMK has ambulances to be prepared with.
import type { PreparednessReport } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../api/client.js';
import { useUnitChangeTick } from '../store/use-unit-change-tick.js';

const PREPAREDNESS_REFRESH_MS = 5_000;

export function usePreparedness(enabled: boolean): PreparednessReport | null {
  const [report, setReport] = useState<PreparednessReport | null>(null);
  const tick = useUnitChangeTick(PREPAREDNESS_REFRESH_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the trigger: units changed, so ask again
  useEffect(() => {
    if (!enabled) return setReport(null);
    // Answers may overtake each other when the server is slow: the newest picture wins. A failed
    // refresh keeps the last picture; the panel shows its time.
    ok(client.GET('/api/v1/preparedness')).then(
      (r) => setReport((had) => (had && had.at > r.at ? had : r)),
      () => {},
    );
  }, [enabled, tick]);
  return report;
}
