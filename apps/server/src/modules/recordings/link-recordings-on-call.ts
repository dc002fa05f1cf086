// A recording may reach us before telephony registers its call: when the call comes, it is linked.
import type { CallHooks } from '../calls/call-hooks.js';
import type { RecordingsService } from './recordings.service.js';

export function linkRecordingsOnCall(calls: CallHooks, recordings: RecordingsService): void {
  calls.onRegistered({
    waiting: (registering) => recordings.waitFor(registering),
    registered: async (tx, registered) => {
      await recordings.linkToCalls(tx, registered);
      return undefined;
    },
  });
}
