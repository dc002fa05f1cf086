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
import type { EventData, EventEnvelope, EventType } from '@amk/contracts';
import type { Event as EventRow } from '../generated/prisma/client.js';
import type { Tx } from '../db/prisma.js';

export const EVENT_CHANNEL = 'amk_events';
const EVENT_WRITE_LOCK = 4_241_130_113;

export interface NewEvent<T extends EventType = EventType> {
  type: T;
  centreId: string | null;
  /** Rooms that may see it (see auth/actor.ts `rooms`). */
  audience: string[];
  data: EventData<T>;
}

export interface StoredEvent {
  envelope: EventEnvelope;
  audience: string[];
}

export function toStoredEvent(row: Pick<EventRow, 'seq' | 'type' | 'centreId' | 'at' | 'data' | 'audience'>): StoredEvent {
  return {
    envelope: {
      seq: Number(row.seq),
      type: row.type as EventType,
      centreId: row.centreId,
      at: row.at.toISOString(),
      data: row.data as never,
    } as EventEnvelope,
    audience: row.audience,
  };
}

export async function appendEvents(tx: Tx, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_WRITE_LOCK}::bigint)`;
  const stored: StoredEvent[] = [];
  for (const e of events) {
    const row = await tx.event.create({
      data: { type: e.type, centreId: e.centreId, audience: e.audience, data: e.data as object },
    });
    stored.push(toStoredEvent(row));
  }
  const last = stored[stored.length - 1]!.envelope.seq;
  await tx.$executeRaw`SELECT pg_notify(${EVENT_CHANNEL}, ${String(last)})`;
  return stored;
}
