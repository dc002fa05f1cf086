// The event log's promise to readers: a reader that reads through readSettledEvents and moves its
// cursor to the last seq it was given never passes over an event that commits later. Writers
// commit out of seq order (they append under a shared lock, so their commits can be flushed
// together); the reader must not run ahead of one still committing. Many writers append at once
// through a pool of real connections, each keeping its transaction open a little after appending
// (as a slower service would), while a reader on its own connection follows the log with a cursor,
// as the event pump does.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallSummary } from '@amk/contracts';
import { createPrisma } from '@amk/db';
import { appendEvents, EVENT_CHANNEL, parseEventNotice, readSettledEvents, settledSeq, type NewEvent } from '../src/realtime/event-log.js';
import { EventPump } from '../src/realtime/event-pump.js';
import { createTransact } from '../src/realtime/transact.js';
import { databaseUrl } from './support/test-app.js';

const writers = createPrisma(databaseUrl(), 12);
const reader = createPrisma(databaseUrl(), 1);
afterAll(async () => {
  await writers.$disconnect();
  await reader.$disconnect();
});

function callEvent(marker: string): NewEvent {
  const now = new Date().toISOString();
  const data: CallSummary = {
    id: randomUUID(),
    centreId: randomUUID(),
    externalId: marker,
    line: '113',
    source: 'CTI',
    state: 'RINGING',
    callerNumber: null,
    callerName: null,
    ringingAt: now,
    answeredAt: null,
    endedAt: null,
    operatorId: null,
    urgency: null,
    criterionCode: null,
    addressText: null,
    lat: null,
    lon: null,
    positionRadiusM: null,
    kommunenummer: null,
    summary: null,
    closedAt: null,
    updatedAt: now,
  };
  // no audience: no console of another test file hears these
  return { type: 'call.upserted', centreId: null, audience: [], data };
}

describe('event log order', () => {
  it('a reader following the log never passes over an event, 200 transactions from 20 concurrent writers', {
    timeout: 60_000,
  }, async () => {
    const start = await settledSeq(reader);
    const run = `order-${Date.now()}`;
    const appended: number[][] = [];
    let writing = true;

    const write = async (i: number) => {
      const events = Array.from({ length: 1 + (i % 3) }, (_, k) => callEvent(`${run}-${i}-${k}`));
      const stored = await writers.$transaction(
        async (tx) => {
          const s = await appendEvents(tx, events);
          // the lock must hold until commit, however long the transaction still takes
          await tx.$executeRaw`SELECT pg_sleep(${(i % 7) / 1000})`;
          return s;
        },
        { maxWait: 30_000, timeout: 30_000 },
      );
      appended.push(stored.map((e) => e.envelope.seq));
    };

    const seen = new Set<number>();
    let cursor = start;
    const read = async () => {
      for (;;) {
        const done = !writing; // decided before reading, so the last pass sees every commit
        for (;;) {
          const rows = await readSettledEvents(reader, cursor, 50);
          for (const row of rows) seen.add(Number(row.seq));
          if (rows.length === 0) break;
          cursor = Number(rows[rows.length - 1]!.seq);
        }
        if (done) return;
      }
    };

    const reading = read();
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 200) await write(next++);
      }),
    );
    writing = false;
    await reading;

    // each transaction's events are in the order they were emitted (other writers' may come between)
    for (const seqs of appended) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // and the reader was given every one of them: none committed behind its cursor
    const ours = appended.flat();
    expect(ours).toHaveLength(399); // 67 transactions of one event, 67 of two, 66 of three
    expect(ours.filter((s) => !seen.has(s))).toEqual([]);
  });

  it('the pump delivers every event once and in seq order when its own commits interleave with concurrent writers', {
    timeout: 60_000,
  }, async () => {
    // The pump is offered each local commit's events at once; a concurrent writer's seqs may fall
    // between them, and those must not be jumped over.
    const delivered: number[] = [];
    const pump = new EventPump({
      prisma: reader,
      databaseUrl: databaseUrl(),
      deliver: (events) => delivered.push(...events.map((e) => e.envelope.seq)),
    });
    await pump.start();
    try {
      const transact = createTransact(writers, pump);
      const run = `pump-${Date.now()}`;
      let next = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (next < 150) {
            const i = next++;
            await transact(async (_tx, emit) => {
              for (let k = 0; k < 1 + (i % 4) * 5; k++) emit(callEvent(`${run}-${i}-${k}`));
            });
          }
        }),
      );
      const last = await settledSeq(reader);
      expect(await pump.waitFor(last, 10_000)).toBe(true);
      const ours = await reader.$queryRaw<{ seq: bigint }[]>`
        SELECT "seq" FROM "Event" WHERE data->>'externalId' LIKE ${`${run}-%`} ORDER BY "seq"`;
      const appended = ours.map((r) => Number(r.seq));
      expect(appended).toHaveLength(1_265); // 38 transactions of 1 and 6 events, 37 of 11 and 16
      expect(appended.filter((seq) => !delivered.includes(seq))).toEqual([]);
      expect(delivered).toEqual([...new Set(delivered)].sort((a, b) => a - b));
    } finally {
      await pump.stop();
    }
  });

  it('names the writing instance in the NOTIFY, which delivers its own events itself as its commit returns', async () => {
    const delivered: number[] = [];
    const pump = new EventPump({
      prisma: reader,
      databaseUrl: databaseUrl(),
      deliver: (events) => delivered.push(...events.map((e) => e.envelope.seq)),
    });
    const listener = new pg.Client({ connectionString: databaseUrl() });
    await Promise.all([pump.start(), listener.connect()]);
    try {
      const notices: ReturnType<typeof parseEventNotice>[] = [];
      listener.on('notification', (msg) => notices.push(parseEventNotice(msg.payload)));
      await listener.query(`LISTEN ${EVENT_CHANNEL}`);
      const transact = createTransact(writers, pump);
      await transact(async (_tx, emit) => emit(callEvent(`own-${Date.now()}`)));
      // the events offered at commit are delivered before transact returns
      const seq = delivered.at(-1)!;
      expect(seq).toBeGreaterThan(0);
      await expect.poll(() => notices.find((n) => n.seq === seq)).toEqual({ seq, origin: pump.origin });
    } finally {
      await listener.end();
      await pump.stop();
    }
  });

  it('tells other instances of a burst of its commits, up to the last seq, in seq order', async () => {
    const pump = new EventPump({ prisma: reader, databaseUrl: databaseUrl(), deliver: () => {} });
    const listener = new pg.Client({ connectionString: databaseUrl() });
    await Promise.all([pump.start(), listener.connect()]);
    try {
      const notices: ReturnType<typeof parseEventNotice>[] = [];
      listener.on('notification', (msg) => {
        const notice = parseEventNotice(msg.payload);
        if (notice.origin === pump.origin) notices.push(notice);
      });
      await listener.query(`LISTEN ${EVENT_CHANNEL}`);
      const transact = createTransact(writers, pump);
      const run = `told-${Date.now()}`;
      await Promise.all(Array.from({ length: 30 }, (_, i) => transact(async (_tx, emit) => emit(callEvent(`${run}-${i}`)))));
      const written = await reader.$queryRaw<{ seq: bigint }[]>`SELECT "seq" FROM "Event" WHERE data->>'externalId' LIKE ${`${run}-%`}`;
      const lastWritten = Math.max(...written.map((r) => Number(r.seq)));
      await expect.poll(() => notices.at(-1)?.seq).toBe(lastWritten);
      // told together while a notice was on its way: never more notices than commits, in seq order
      expect(notices.length).toBeLessThanOrEqual(30);
      expect(notices.map((n) => n.seq)).toEqual([...notices.map((n) => n.seq)].sort((a, b) => a - b));
    } finally {
      await listener.end();
      await pump.stop();
    }
  });

  it('delivers its own commit whose answer never came back (no offer), from the log, within the poll', async () => {
    const delivered: number[] = [];
    const pump = new EventPump({
      prisma: reader,
      databaseUrl: databaseUrl(),
      deliver: (events) => delivered.push(...events.map((e) => e.envelope.seq)),
    });
    await pump.start();
    try {
      // committed, but never offered to the pump (so never announced either)
      const [stored] = await writers.$transaction((tx) => appendEvents(tx, [callEvent(`lost-${Date.now()}`)]));
      const seq = stored!.envelope.seq;
      // not waitFor: that would read the log itself
      await expect.poll(() => delivered.includes(seq), { timeout: 5_000 }).toBe(true);
    } finally {
      await pump.stop();
    }
  });

  it('refuses to commit an event a console could not read, and the transaction rolls back with it', async () => {
    const marker = `unreadable-${Date.now()}`;
    const unreadable = { ...callEvent(marker), data: { id: 'not a uuid', externalId: marker } } as unknown as NewEvent;
    const attempt = writers.$transaction(async (tx) => {
      await appendEvents(tx, [callEvent(marker), unreadable]);
    });
    await expect(attempt).rejects.toThrow('event call.upserted does not match its contract');
    const written = await reader.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Event" WHERE data->>'externalId' = ${marker}`;
    expect(written[0]!.n).toBe(0);
  });
});
