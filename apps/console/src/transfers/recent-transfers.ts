// Which hand-overs the panel lists: every one still waiting for an answer, and answered ones for a
// few minutes (long enough to see the answer), so old ones never push the rest off the screen.
import type { TransferSummary } from '@amk/contracts';

const ANSWERED_SHOWN_MS = 5 * 60_000;

export function isTransferShown(tr: TransferSummary, now: number): boolean {
  if (tr.state === 'REQUESTED' || !tr.answeredAt) return true;
  return now - Date.parse(tr.answeredAt) < ANSWERED_SHOWN_MS;
}
