// The caller's AML position often arrives seconds before telephony registers the call: it waits,
// and is attached to the call (of the same centre) when the call comes.
import type { CallHooks } from '../calls/call-hooks.js';
import type { AmlService } from './aml.service.js';

export function attachPositionsOnCall(calls: CallHooks, aml: AmlService): void {
  calls.onRegistered({
    waiting: (registering) => aml.positionsWaitFor(registering),
    registered: (tx, registered) => aml.attachWaitingPositions(tx, registered),
  });
}
