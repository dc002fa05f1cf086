// Settling a lost caller on the callback list; the answer is applied at once (the socket's echo of
// the same change then changes nothing), so the row leaves this console without waiting.
import type { CallbackSummary, CallSummary, ResolveCallbackRequest } from '@amk/contracts';
import { samePhone } from '@amk/domain';
import { client, ok } from '../api/client.js';
import { useConsole } from '../store/console-store.js';

export async function resolveCallback(cb: CallbackSummary, req: ResolveCallbackRequest): Promise<void> {
  useConsole
    .getState()
    .upsertCallback(
      await ok(client.POST('/api/v1/callbacks/{callbackId}/resolve', { params: { path: { callbackId: cb.id } }, body: req })),
    );
}

/** Lost callers still to be called back, the longest-lost first. */
export const openCallbacks = (callbacks: Record<string, CallbackSummary>): CallbackSummary[] =>
  Object.values(callbacks)
    .filter((c) => !c.resolvedAt)
    .sort((a, b) => a.ringingAt.localeCompare(b.ringingAt));

/** The latest call from the same number after the lost one: offered as the link (the caller got through). */
export function laterCallFrom(cb: CallbackSummary, calls: Record<string, CallSummary>): CallSummary | undefined {
  return Object.values(calls)
    .filter((c) => c.id !== cb.callId && c.ringingAt > cb.ringingAt && samePhone(c.callerNumber, cb.callerNumber))
    .sort((a, b) => b.ringingAt.localeCompare(a.ringingAt))[0];
}
