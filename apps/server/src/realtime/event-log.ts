// Writing events: in the same transaction as the change they describe, never outside one.
//
// Why the lock: sequence numbers come from a Postgres sequence, which hands them out at insert
// time, not at commit. Two transactions could commit seq 6 before seq 5, and a reader that saw 6
// would skip 5 for good. Taking a transaction-scoped advisory lock right before the insert makes
// seq order equal commit order, so "I have seen N" means "I have seen everything up to N".
// Services therefore append their events as the LAST step of a transaction: the lock is held only
// from the insert to the commit.
//
// Why NOTIFY inside the transaction: Postgres delivers it only when the transaction commits, and
// never when it rolls back. So every server instance hears of an event after commit, never before.
import { EventEnvelopeSchema, type EventData, type EventEnvelope, type EventType } from '@amk/contracts';
import type { Event as EventRow, Tx } from '@amk/db';

export const EVENT_CHANNEL = 'amk_events';
const EVENT_WRITE_LOCK = 4_241_130_113;

/**
 * An event about to be written. A union over the event types, so `type` decides what `data` must
 * be: `{ type: 'call.upserted', data: unitSummary }` does not compile.
 */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: {
    type: K;
    centreId: string | null;
    /** Rooms that may see it (see auth/actor.ts `rooms`). */
    audience: string[];
    data: EventData<K>;
  };
}[T];

/**
 * What a service is handed inside a transaction to record an event (see transact.ts). Taking the
 * union rather than a type parameter keeps the pairing even when `type` is not a literal.
 */
export type Emit = (event: NewEvent) => void;

export interface StoredEvent {
  envelope: EventEnvelope;
  audience: string[];
}

export type EventRowFields = Pick<EventRow, 'seq' | 'type' | 'centreId' | 'at' | 'data' | 'audience'>;

/**
 * An event row as the contract's envelope, checked by the contract's schema, or null when the row
 * does not match it (a row written by an older version whose payload has since changed). Readers
 * skip such a row; appendEvents refuses to commit one.
 */
export function toStoredEvent(row: EventRowFields): StoredEvent | null {
  const parsed = EventEnvelopeSchema.safeParse({
    seq: Number(row.seq),
    type: row.type,
    centreId: row.centreId,
    at: row.at.toISOString(),
    data: row.data,
  });
  return parsed.success ? { envelope: parsed.data, audience: row.audience } : null;
}

export async function appendEvents(tx: Tx, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_WRITE_LOCK}::bigint)`;
  const stored: StoredEvent[] = [];
  for (const e of events) {
    const row = await tx.event.create({
      data: { type: e.type, centreId: e.centreId, audience: e.audience, data: e.data },
    });
    const event = toStoredEvent(row);
    // Never commit what a console could not read: the transaction rolls back with the change.
    if (!event) throw new Error(`event ${e.type} does not match its contract`);
    stored.push(event);
  }
  const last = stored[stored.length - 1]!.envelope.seq;
  await tx.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${String(last)})`;
  return stored;
}
