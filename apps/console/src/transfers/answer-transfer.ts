// Accept or decline a call handed to my centre; an accepted call opens at once.
import type { TransferSummary } from '@amk/contracts';
import { client, ok } from '../api/client.js';
import { urgencyRank } from '../lib/call-order.js';
import { useConsole } from '../store/console-store.js';

export async function answerTransfer(tr: TransferSummary, decision: 'ACCEPT' | 'DECLINE'): Promise<void> {
  const res = await ok(
    client.POST('/api/v1/transfers/{transferId}/answer', { params: { path: { transferId: tr.id } }, body: { decision } }),
  );
  useConsole.getState().upsertTransfer(res);
  useConsole.getState().upsertCall(res.call);
  if (decision === 'ACCEPT') useConsole.getState().selectCall(res.callId);
}

/** Hand-overs offered to my centre and not yet answered: most urgent first, then longest waiting. */
export function incomingHandOvers(transfers: Record<string, TransferSummary>, centreId: string | undefined): TransferSummary[] {
  return Object.values(transfers)
    .filter((t) => t.state === 'REQUESTED' && !!centreId && t.toCentre.id === centreId)
    .sort((a, b) => urgencyRank(a.call.urgency) - urgencyRank(b.call.urgency) || a.requestedAt.localeCompare(b.requestedAt));
}
