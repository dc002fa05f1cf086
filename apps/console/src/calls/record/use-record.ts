// The open call record, refetched whenever the call changes (its summary's updatedAt moves). An
// answer older than the record already shown (a slow GET overtaken by a save) is dropped.
import type { CallRecord } from '@amk/contracts';
import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../api/client.js';
import { useConsole } from '../../store/console-store.js';

export function useCallRecord(callId: string) {
  const updatedAt = useConsole((s) => s.calls[callId]?.updatedAt);
  const [record, setShown] = useState<CallRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setRecord = useCallback(
    (r: CallRecord) => setShown((shown) => (shown && shown.id === r.id && shown.updatedAt > r.updatedAt ? shown : r)),
    [],
  );
  const reload = useCallback(
    () => ok(client.GET('/api/v1/calls/{id}', { params: { path: { id: callId } } })).then(setRecord, (e: Error) => setError(e.message)),
    [callId, setRecord],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `updatedAt` is the trigger: the call changed elsewhere, so reload its record
  useEffect(() => {
    void reload();
  }, [reload, updatedAt]);
  return { record, error, setRecord, reload };
}
