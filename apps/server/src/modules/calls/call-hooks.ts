// What other modules do when calls are registered, inside the registering transaction, so a
// recording or a caller position that arrived before a call is linked to it in the same commit
// as the call itself. The calls module announces; each module subscribes in its own folder
// (recordings/link-recordings-on-call.ts, aml/attach-positions-on-call.ts), so "what happens when a
// call is registered" is found by searching for `onRegistered`.
//
// Hooks take the calls of one transaction together: a burst of telephony calls is registered in
// batches (see intake-batcher.ts), and a hook then asks the database once per batch, not per call.
import type { Call, Tx } from '@amk/db';

/** Runs in the registering transaction; returns each call (same order) as it left it, e.g. with a position. */
type CallsRegisteredHook = (tx: Tx, calls: Call[]) => Promise<Call[] | undefined>;

export interface CallHooks {
  onRegistered(hook: CallsRegisteredHook): void;
}

export function createCallHooks(): CallHooks & { registered(tx: Tx, calls: Call[]): Promise<Call[]> } {
  const hooks: CallsRegisteredHook[] = [];
  return {
    onRegistered(hook) {
      hooks.push(hook);
    },
    /** Every subscriber in the order they subscribed, each seeing the calls as the one before left them. */
    async registered(tx, calls) {
      let current = calls;
      for (const hook of hooks) current = (await hook(tx, current)) ?? current;
      return current;
    },
  };
}
