// Writing events: in the same transaction as the change they describe, never outside one.
//
// Why a lock, and why shared: sequence numbers come from a Postgres sequence, which hands them out
// at insert time, not at commit. Two transactions may commit seq 6 after seq 7, and a reader that
// moved its cursor to 7 would skip 6 for good. So a writer draws its seqs while holding the event
// lock SHARED (many writers at once, each holding it until its commit), and a reader that finds a
// gap asks how far the log is settled (`settledSeq`): that takes the lock EXCLUSIVE, which waits for
// every writer that has drawn a seq, so every seq up to the answer is final. Writers never wait for
// each other, so a burst of calls commits (and flushes its WAL) together; before, an exclusive
// writer lock held through each commit's disk flush capped intake at about 200 calls/s.
// Services append their events as the LAST step of a transaction, in one statement (lock, insert),
// so the lock is held only for that statement and the commit. A write that is a single statement
// (a ringing call nothing waits for, calls.service.ts) appends its events in that same statement,
// which then commits on its own.
//
// Why NOTIFY after the commit, not in the transaction: the writing instance delivers its own events
// as its commit returns (transact.ts), and a NOTIFY in the transaction was in the way. At commit,
// Postgres wakes every listening connection before it answers the writer: this instance's own
// listener and every other instance's, each waking its server to read a notice it then ignores or
// queues. On the server's core that cost each call about 0.6 ms before its consoles heard of it,
// and more with each instance. So the writer's pump announces what it wrote once it has delivered
// it (event-pump.ts): other instances hear of an event after commit, never before, as they did.
// If the writer dies between its commit and its notice, they read the event at their next poll.
// The notice names the last seq and the instance that wrote it (`<seq> <origin>`, eventNotice).
import { EventEnvelopeSchema, type EventData, type EventEnvelope, type EventType } from '@amk/contracts';
import { type Db, type Event as EventRow, Prisma, type Tx } from '@amk/db';

export const EVENT_CHANNEL = 'amk_events';
// The same key is in the migration that defines amk_settled_event_seq().
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

/**
 * Checks each event against the contract as a reader will see it (its data after the JSON round
 * trip the database gives it), before anything is locked: never commit what a console could not
 * read, and never spend lock time finding out. Returns the envelopes without seq and time.
 */
function readableEnvelopes(events: NewEvent[]): EventEnvelope[] {
  const placeholder = { seq: 1, at: new Date().toISOString() };
  return events.map((e) => {
    const parsed = EventEnvelopeSchema.safeParse({
      ...placeholder,
      type: e.type,
      centreId: e.centreId,
      data: JSON.parse(JSON.stringify(e.data)),
    });
    // The transaction rolls back with the change.
    if (!parsed.success) throw new Error(`event ${e.type} does not match its contract`);
    return parsed.data;
  });
}

/** What a NOTIFY on EVENT_CHANNEL says: the last seq an instance wrote, and which instance it is. */
export const eventNotice = (seq: number, origin: string) => `${seq} ${origin}`;

/** The notice eventNotice wrote, read back. */
export function parseEventNotice(payload: string | undefined): { seq: number; origin: string } {
  const [seq = '', origin = ''] = (payload ?? '').split(' ');
  return { seq: Number(seq), origin };
}

/**
 * The steps of a statement that append `events` — take the lock, insert them in order — as common
 * table expressions named `locked` and `ev` (the rows written: "seq", "at"); the statement must
 * select from `ev`. So the lock is held for that one round trip and the commit that follows, not
 * for a round trip per event (each stretched by whatever else the server's event loop is doing).
 * `kept`, a condition on `e.value` (each event as JSON), lets the statement decide which of them
 * happen: calls.service.ts appends only the events of the calls its statement inserted. Checks
 * every event against its contract first (readableEnvelopes).
 */
export function appendEventSteps(events: NewEvent[], kept: Prisma.Sql = Prisma.sql`true`) {
  const envelopes = readableEnvelopes(events);
  const rows = JSON.stringify(events.map((e) => ({ type: e.type, centreId: e.centreId, audience: e.audience, data: e.data })));
  // The lock CTE is volatile, so it is evaluated once, and the sort (ORDER BY ord, which draws
  // the seqs in the order emitted) reads every row before the insert draws its first seq: no seq
  // is drawn before the lock is held.
  const steps = Prisma.sql`
    locked AS (SELECT pg_advisory_xact_lock_shared(${EVENT_WRITE_LOCK}::bigint)),
    ev AS (
      INSERT INTO "Event" ("type", "centreId", "audience", "data")
      SELECT e.value->>'type', (e.value->>'centreId')::uuid,
             ARRAY(SELECT jsonb_array_elements_text(e.value->'audience')), e.value->'data'
      FROM locked, jsonb_array_elements(${rows}::jsonb) WITH ORDINALITY AS e(value, ord)
      WHERE ${kept}
      ORDER BY e.ord
      RETURNING "seq", "at"
    )`;
  return { steps, envelopes };
}

/**
 * The events a statement made with appendEventSteps wrote, as stored: `written` are the rows of
 * `ev` in seq order, which is the order of the events it kept (`keep` says which, by index).
 */
export function storedEvents(
  events: NewEvent[],
  envelopes: EventEnvelope[],
  written: { seq: bigint; at: Date }[],
  keep: (i: number) => boolean = () => true,
): StoredEvent[] {
  const kept = events.flatMap((event, i) => (keep(i) ? [{ event, envelope: envelopes[i]! }] : []));
  if (kept.length !== written.length) throw new Error(`${written.length} events written for ${kept.length} kept`);
  return written.map((row, i) => ({
    envelope: { ...kept[i]!.envelope, seq: Number(row.seq), at: new Date(row.at).toISOString() } as EventEnvelope,
    audience: kept[i]!.event.audience,
  }));
}

/** Appends the transaction's events in one statement (see appendEventSteps); the transaction's last step. */
export async function appendEvents(tx: Tx, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const { steps, envelopes } = appendEventSteps(events);
  const written = await tx.$queryRaw<{ seq: bigint; at: Date }[]>`
    WITH ${steps}
    SELECT ev."seq", ev."at" FROM ev ORDER BY ev."seq"`;
  return storedEvents(events, envelopes, written);
}

/**
 * How far the log is settled: every seq up to the answer has committed or never will (see the top
 * of this file). Waits for the transactions appending right now, and holds new appends back only
 * for that long. Call it outside a transaction: inside one the lock would be held, and under
 * REPEATABLE READ the answer read from an old snapshot.
 */
export async function settledSeq(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ seq: bigint }[]>`SELECT amk_settled_event_seq() AS "seq"`;
  return Number(row?.seq ?? 0);
}

const EVENT_FIELDS = { seq: true, type: true, centreId: true, at: true, data: true, audience: true } as const;

/**
 * The next events after `afterSeq` that a reader may pass on, in seq order, up to `limit`: never one
 * with a seq below an event still to commit. A run of consecutive seqs straight after `afterSeq` is
 * safe as read (nothing can commit between them); only when the rows read have a gap does it ask
 * how far the log is settled, and read again up to there.
 */
export async function readSettledEvents(db: Db, afterSeq: number, limit: number): Promise<EventRowFields[]> {
  const read = (upTo?: number) =>
    db.event.findMany({
      where: { seq: upTo === undefined ? { gt: BigInt(afterSeq) } : { gt: BigInt(afterSeq), lte: BigInt(upTo) } },
      orderBy: { seq: 'asc' },
      take: limit,
      select: EVENT_FIELDS,
    });
  const rows = await read();
  if (rows.every((row, i) => Number(row.seq) === afterSeq + 1 + i)) return rows;
  return read(await settledSeq(db));
}
