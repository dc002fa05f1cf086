// What other modules do when calls are registered, inside the registering transaction, so a
// recording or a caller position that arrived before a call is linked to it in the same commit
// as the call itself. The calls module announces; each module subscribes in its own folder
// (recordings/link-recordings-on-call.ts, aml/attach-positions-on-call.ts), so "what happens when a
// call is registered" is found by searching for `onRegistered`.
//
// Hooks take the calls of one transaction together: a burst of telephony calls is registered in
// batches (see lib/write-batcher.ts), and a hook then asks the database once per batch, not per call.
//
// Most calls find nothing waiting for them. So a subscriber also says, as one SQL condition, whether
// anything of its module waits for the calls about to be registered; when no subscriber's does, the
// calls and their events are written in one statement that checks those conditions itself, and no
// hook runs (calls.service.ts). Only when something waits is the full transaction taken.
import { type Call, Prisma, type Tx } from '@amk/db';

/** A call about to be registered, as far as a subscriber needs to know to say whether it waits for it. */
export interface NewCall {
  centreId: string;
  externalId: string | null;
  callerNumber: string | null;
}

interface CallsRegisteredSubscriber {
  /**
   * A boolean SQL expression: does anything of this module wait for one of these calls? Evaluated
   * in the registering statement; when true, `registered` runs in the registering transaction.
   * It may say true when in doubt, never false when something waits.
   */
  waiting(calls: NewCall[]): Prisma.Sql;
  /** Runs in the registering transaction; returns each call (same order) as it left it, e.g. with a position. */
  registered(tx: Tx, calls: Call[]): Promise<Call[] | undefined>;
}

export interface CallHooks {
  onRegistered(subscriber: CallsRegisteredSubscriber): void;
}

export function createCallHooks(): CallHooks & {
  waiting(calls: NewCall[]): Prisma.Sql;
  registered(tx: Tx, calls: Call[]): Promise<Call[]>;
} {
  const subscribers: CallsRegisteredSubscriber[] = [];
  return {
    onRegistered(subscriber) {
      subscribers.push(subscriber);
    },
    /** Whether any subscriber has something waiting for these calls, as one SQL condition. */
    waiting(calls) {
      if (!subscribers.length) return Prisma.sql`false`;
      return Prisma.join(
        subscribers.map((s) => Prisma.sql`(${s.waiting(calls)})`),
        ' OR ',
      );
    },
    /** Every subscriber in the order they subscribed, each seeing the calls as the one before left them. */
    async registered(tx, calls) {
      let current = calls;
      for (const s of subscribers) current = (await s.registered(tx, current)) ?? current;
      return current;
    },
  };
}
