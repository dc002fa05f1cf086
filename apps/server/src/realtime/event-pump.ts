// Each server instance tails the event log and hands every new event, in seq order, to a
// deliver function (the Socket.IO broadcaster). Whichever instance wrote an event, every instance
// delivers it to its own sockets: that is how two instances on one database stay in step.
//
// It wakes on NOTIFY (sent by the writing instance after its commit, see event-log.ts) and also
// polls, so a lost notification or a dropped LISTEN connection delays an event by at most POLL_MS,
// never loses it. It keeps the most recent events in memory so that a reconnecting console can be
// caught up without a query.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Db, Prisma, queryPrepared } from '@amk/db';
import {
  EVENT_CHANNEL,
  eventNotice,
  parseEventNotice,
  readSettledEvents,
  settledSeq,
  toStoredEvent,
  type StoredEvent,
} from './event-log.js';

const POLL_MS = 1_000;
const BATCH = 2_000;

export interface EventPumpOptions {
  prisma: Db;
  databaseUrl: string;
  /** Events in seq order, each once; several when they were committed or read together. */
  deliver: (events: StoredEvent[]) => void;
  ringSize?: number;
  log?: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
}

export class EventPump {
  /** seq of the last event delivered */
  cursor = 0;
  /** Names this instance in the NOTIFY of the events it writes (see event-log.ts). */
  readonly origin = randomUUID();
  private ring: StoredEvent[] = [];
  private readonly ringSize: number;
  private listener: pg.Client | null = null;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private waiters: { seq: number; resolve: () => void }[] = [];
  /** The last seq this instance has told the others about, and the last it has to. */
  private announced = 0;
  private toAnnounce = 0;
  private announcing: Promise<void> | null = null;

  constructor(private readonly opts: EventPumpOptions) {
    this.ringSize = opts.ringSize ?? 20_000;
  }

  async start(): Promise<void> {
    // not the highest seq: a transaction appending right now may still commit one below it
    this.cursor = await settledSeq(this.opts.prisma);
    await this.listen().catch((e) => this.opts.log?.warn({ err: e }, 'event pump: LISTEN failed; polling until it reconnects'));
    this.timer = setInterval(() => void this.pull(), POLL_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.pulling?.catch(() => {});
    await this.announcing;
    await this.listener?.end().catch(() => {});
    this.listener = null;
  }

  /** Nothing is being read from the log: every event offered so far has been broadcast (or skipped). */
  get idle(): boolean {
    return this.pulling === null;
  }

  /** Wake the pump now (on NOTIFY, or when a local commit could not be delivered in order). */
  poke(): void {
    void this.pull();
  }

  /**
   * Events this instance has just committed, in seq order. Those that follow on directly from what
   * was delivered go out now, saving a round trip to the database. At the first one that does not
   * (another transaction's event comes between: a concurrent writer's seqs interleave with ours,
   * or another instance wrote it), the rest wait for the log to be read in order. Then the other
   * instances are told (announce).
   */
  offer(events: StoredEvent[]): void {
    let i = 0;
    if (!this.pulling) while (i < events.length && events[i]!.envelope.seq === this.cursor + 1 + i) i++;
    this.deliver(events.slice(0, i));
    if (i < events.length) this.poke();
    const last = events.at(-1);
    if (last) this.announce(last.envelope.seq);
  }

  /**
   * Tells every instance (this one's listener ignores it) that this one has committed up to `seq`,
   * after this one's consoles were sent their events (why, in event-log.ts). One NOTIFY at a time:
   * commits that come while one is on its way are told together in the next, with their last seq,
   * which is all a listener needs (it reads the log from its own cursor). A failed NOTIFY is not
   * retried: the others read the events at their next poll.
   */
  private announce(seq: number): void {
    this.toAnnounce = Math.max(this.toAnnounce, seq);
    if (this.announcing || this.stopped) return;
    this.announcing = (async () => {
      try {
        while (this.toAnnounce > this.announced && !this.stopped) {
          const upTo = this.toAnnounce;
          await queryPrepared(this.opts.prisma, Prisma.sql`SELECT pg_notify(${EVENT_CHANNEL}, ${eventNotice(upTo, this.origin)})`);
          this.announced = upTo;
        }
      } catch (err) {
        this.opts.log?.warn({ err }, 'event pump: NOTIFY failed; other instances read the events at their next poll');
      } finally {
        this.announcing = null;
      }
    })();
  }

  /** The first seq the in-memory ring can replay from: events after `afterSeq` are all in memory. */
  covers(afterSeq: number): boolean {
    if (afterSeq >= this.cursor) return true;
    const first = this.ring[0];
    return first !== undefined && first.envelope.seq <= afterSeq + 1;
  }

  /** Events after `afterSeq` held in memory. Only valid when covers(afterSeq). Synchronous. */
  since(afterSeq: number): StoredEvent[] {
    if (afterSeq >= this.cursor) return [];
    // Binary search, not arithmetic: seqs have holes (a transaction that appended an event and
    // then rolled back, or a database restart, uses up sequence numbers that never commit).
    let lo = 0;
    let hi = this.ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ring[mid]!.envelope.seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return this.ring.slice(lo);
  }

  /** Resolves once the pump has delivered `seq` (or after timeoutMs). */
  waitFor(seq: number, timeoutMs = 5_000): Promise<boolean> {
    if (this.cursor >= seq) return Promise.resolve(true);
    this.poke();
    return new Promise((resolve) => {
      const waiter = { seq, resolve: () => resolve(true) };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(this.cursor >= seq);
      }, timeoutMs).unref();
    });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.opts.databaseUrl });
    // The payload names the last seq the transaction wrote and the instance that wrote it. Our own
    // commit offers its events itself (offer, above) as soon as its answer is back; the NOTIFY
    // often overtakes that answer, and reading the log for it then cost every call a round trip
    // and a second read. If the offer never comes (the answer to COMMIT was lost), the poll reads
    // the events within POLL_MS. Already delivered: nothing to read. Anything else, including a
    // payload that names no seq, reads the log.
    client.on('notification', (msg) => {
      const notice = parseEventNotice(msg.payload);
      if (notice.origin === this.origin || notice.seq <= this.cursor) return;
      this.poke();
    });
    client.on('error', (err) => {
      this.opts.log?.warn({ err }, 'event pump: LISTEN connection lost; reconnecting');
      this.listener = null;
      client.end().catch(() => {});
      setTimeout(() => void this.listen().catch(() => {}), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    this.listener = client;
    this.poke(); // catch up on anything committed while we were not listening
  }

  private pull(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      try {
        do {
          this.pullAgain = false;
          for (;;) {
            const rows = await readSettledEvents(this.opts.prisma, this.cursor, BATCH);
            let readable: StoredEvent[] = [];
            for (const row of rows) {
              const event = toStoredEvent(row);
              if (event) readable.push(event);
              else {
                // the ones before it first: the cursor must not pass them before they are delivered
                this.deliver(readable);
                readable = [];
                this.skip(Number(row.seq), row.type);
              }
            }
            this.deliver(readable);
            if (rows.length < BATCH) break;
          }
        } while (this.pullAgain && !this.stopped);
      } catch (err) {
        this.opts.log?.warn({ err }, 'event pump: reading events failed; will retry');
      } finally {
        this.pulling = null;
      }
    })();
    return this.pulling;
  }

  /** A row no console could read (see toStoredEvent): passed over, loudly, rather than stalling every console. */
  private skip(seq: number, type: string): void {
    if (seq <= this.cursor) return;
    this.opts.log?.error({ seq, type }, 'event pump: an event does not match its contract; skipped');
    this.advanceTo(seq);
  }

  /** Events in seq order: those not delivered yet go out together, in one call. */
  private deliver(events: StoredEvent[]): void {
    const fresh = events.filter((e) => e.envelope.seq > this.cursor);
    if (!fresh.length) return;
    this.ring.push(...fresh);
    if (this.ring.length > this.ringSize) this.ring.splice(0, this.ring.length - this.ringSize);
    this.advanceTo(fresh[fresh.length - 1]!.envelope.seq); // waiters resume as microtasks, after the delivery below
    this.opts.deliver(fresh);
  }

  /** The cursor moves past `seq`, delivered or skipped, and whoever waits for it goes on. */
  private advanceTo(seq: number): void {
    this.cursor = seq;
    if (!this.waiters.length) return;
    const ready = this.waiters.filter((w) => w.seq <= seq);
    this.waiters = this.waiters.filter((w) => w.seq > seq);
    for (const w of ready) w.resolve();
  }
}
