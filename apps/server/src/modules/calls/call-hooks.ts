// What other modules do when a call is registered, inside the registering transaction, so a
// recording or a caller position that arrived before the call is linked to it in the same commit
// as the call itself. The calls module announces; each module subscribes in its own folder
// (recordings/link-recordings-on-call.ts, aml/attach-positions-on-call.ts), so "what happens when a
// call is registered" is found by searching for `onRegistered`.
import type { Call, Tx } from '@amk/db';

/** Runs in the registering transaction; returns the call if it changed it (e.g. gave it a position). */
type CallRegisteredHook = (tx: Tx, call: Call) => Promise<Call | undefined>;

export interface CallHooks {
  onRegistered(hook: CallRegisteredHook): void;
}

export function createCallHooks(): CallHooks & { registered(tx: Tx, call: Call): Promise<Call> } {
  const hooks: CallRegisteredHook[] = [];
  return {
    onRegistered(hook) {
      hooks.push(hook);
    },
    /** Every subscriber in the order they subscribed, each seeing the call as the one before left it. */
    async registered(tx, call) {
      let current = call;
      for (const hook of hooks) current = (await hook(tx, current)) ?? current;
      return current;
    },
  };
}
