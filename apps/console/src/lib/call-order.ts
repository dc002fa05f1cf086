// The order an operator works in. Ringing calls are the queue: they sit at the top, oldest first,
// whatever their urgency (nobody has spoken to the caller yet). Below them the open calls, most
// urgent first (A red, H yellow, V green, then untriaged), and oldest first within an urgency.
import type { CallSummary } from '@amk/contracts';
import { URGENCIES, type Urgency } from '@amk/domain';

/** 0 for A, 1 for H, 2 for V (the vocabulary's order), then an untriaged call. */
export const urgencyRank = (urgency: Urgency | null): number => (urgency ? URGENCIES.indexOf(urgency) : URGENCIES.length);
const ringing = (c: CallSummary) => c.state === 'RINGING';

function compareCalls(a: CallSummary, b: CallSummary): number {
  return (
    Number(ringing(b)) - Number(ringing(a)) ||
    (ringing(a) ? 0 : urgencyRank(a.urgency) - urgencyRank(b.urgency)) ||
    a.ringingAt.localeCompare(b.ringingAt) ||
    a.id.localeCompare(b.id)
  );
}

export function sortCalls(calls: CallSummary[]): CallSummary[] {
  return [...calls].sort(compareCalls);
}

/** The call the take-hotkey answers: the one that has rung longest and nobody has taken. */
export function nextToTake(calls: CallSummary[]): CallSummary | undefined {
  return sortCalls(calls).find((c) => ringing(c) && !c.operatorId);
}
