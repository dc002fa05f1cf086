// The one way services write: a transaction whose events are appended as its last step (see
// event-log.ts for why), then — only after commit — the committed events are offered to the local
// pump, so this instance's consoles hear of them without a re-read, and other instances are told.
//
// A write that fits in one statement, its events appended in that statement (appendEventSteps),
// may go through `transact.single`: the statement commits on its own, so it costs one round trip
// instead of begin, the statements and commit. A ringing call nothing waits for is written so.
import type { Db, Tx } from '@amk/db';
import { appendEvents, type Emit, type NewEvent, type StoredEvent } from './event-log.js';

/** What a single-statement write committed: its answer and the events it appended. */
interface Committed<T> {
  value: T;
  stored: StoredEvent[];
}

export interface Transact {
  <T>(work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T>;
  /** `write` runs one statement on `db`, which commits on its own. */
  single<T>(write: (db: Db) => Promise<Committed<T>>): Promise<T>;
}

/** This instance's end of the event log: where its own committed events go (the event pump). */
export interface LocalDelivery {
  offer(committed: StoredEvent[]): void;
}

export function createTransact(prisma: Db, local: LocalDelivery): Transact {
  const transact = async <T>(work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> => {
    let stored: StoredEvent[] = [];
    const result = await prisma.$transaction(
      async (tx) => {
        const events: NewEvent[] = [];
        const value = await work(tx, (e) => events.push(e));
        stored = await appendEvents(tx, events);
        return value;
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
    if (stored.length) local.offer(stored);
    return result;
  };
  const single = async <T>(write: (db: Db) => Promise<Committed<T>>): Promise<T> => {
    const { value, stored } = await write(prisma);
    if (stored.length) local.offer(stored);
    return value;
  };
  return Object.assign(transact, { single });
}
