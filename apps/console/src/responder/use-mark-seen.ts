// "Seen" for AMK means the alert was on a screen the responder could look at: the page is visible
// (a phone's screen on, this tab in front) while the alert is shown. Marked once per alert, when
// it is shown on a visible page or when the page becomes visible with it.
import type { ResponderAlert } from '@amk/contracts';
import { useEffect, useRef } from 'react';
import { client, ok } from '../api/client.js';

export function useMarkSeen(shown: ResponderAlert[], upsert: (a: ResponderAlert) => void): void {
  const marked = useRef(new Set<string>());
  const due = shown
    .filter((a) => a.state === 'DELIVERED' && !marked.current.has(a.id))
    .map((a) => a.id)
    .join(',');

  useEffect(() => {
    if (!due) return;
    const mark = () => {
      if (document.visibilityState !== 'visible') return;
      for (const id of due.split(',')) {
        if (marked.current.has(id)) continue;
        marked.current.add(id);
        // Not marked after all if the request fails: the next visible moment tries again.
        ok(client.POST('/api/v1/responder/alerts/{alertId}/{action}', { params: { path: { alertId: id, action: 'seen' } } })).then(
          upsert,
          () => marked.current.delete(id),
        );
      }
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [due, upsert]);
}
