// Taking a call from the queue, by the button or the hotkey: the first operator owns it, the
// call opens, and focus goes to triage. Someone faster gets a conflict that names who took it.
import type { CallSummary } from '@amk/contracts';
import { ApiError, client, ok } from '../api/client.js';
import { useConsole } from '../store/console-store.js';
import { useFocusRequest } from './focus-request.js';

export async function takeCall(call: CallSummary): Promise<void> {
  const taken = await ok(client.POST('/api/v1/calls/{id}/take', { params: { path: { id: call.id } } }));
  useConsole.getState().upsertCall(taken);
  useConsole.getState().selectCall(call.id);
  useFocusRequest.getState().focusTriage(call.id);
}

export const takeError = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
