// The open call record, refetched whenever the call changes (its summary's updatedAt moves).
import type { CallRecord } from '@amk/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/http.js';
import { useConsole } from '../../store/console-store.js';

export function useCallRecord(callId: string) {
  const updatedAt = useConsole((s) => s.calls[callId]?.updatedAt);
  const [record, setRecord] = useState<CallRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => api<CallRecord>('GET', `/calls/${callId}`).then(setRecord, (e: Error) => setError(e.message)), [callId]);
  useEffect(() => {
    void reload();
  }, [reload, updatedAt]);
  return { record, error, setRecord, reload };
}
