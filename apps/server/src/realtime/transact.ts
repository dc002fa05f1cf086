// The one way services write: a transaction whose events are appended as its last step (see
// event-log.ts for why), then — only after commit — the committed events are offered to the local
// pump, so this instance's consoles hear of them without waiting for NOTIFY and a re-read.
import type { Db, Tx } from '@amk/db';
import { appendEvents, type Emit, type NewEvent, type StoredEvent } from './event-log.js';

export type Transact = <T>(work: (tx: Tx, emit: Emit) => Promise<T>) => Promise<T>;

/** This instance's end of the event log: who it is, and where its own committed events go. */
export interface LocalDelivery {
  origin: string;
  offer(committed: StoredEvent[]): void;
}

export function createTransact(prisma: Db, local: LocalDelivery): Transact {
  return async (work) => {
    let stored: StoredEvent[] = [];
    const result = await prisma.$transaction(
      async (tx) => {
        const events: NewEvent[] = [];
        const value = await work(tx, (e) => events.push(e));
        stored = await appendEvents(tx, events, local.origin);
        return value;
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
    if (stored.length) local.offer(stored);
    return result;
  };
}
