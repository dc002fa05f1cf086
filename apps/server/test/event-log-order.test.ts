// The event log's promise to readers: seq order is commit order. A reader that has seen seq N has
// seen every event up to N that will ever commit, so no event below N may appear later. Many
// writers append at once through a pool of real connections, each keeping its transaction open a
// little after appending (as a slower service would), while a reader on its own connection reads
// the log over and over, as the event pump does.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallSummary } from '@amk/contracts';
import { createPrisma } from '@amk/db';
import { appendEvents, type NewEvent } from '../src/realtime/event-log.js';
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

const seqsAfter = async (start: number) =>
  (await reader.event.findMany({ where: { seq: { gt: BigInt(start) } }, select: { seq: true }, orderBy: { seq: 'asc' } })).map((r) =>
    Number(r.seq),
  );

describe('event log order', () => {
  it('a reader never sees an event commit below a seq it has already seen, 200 transactions from 20 concurrent writers', {
    timeout: 60_000,
  }, async () => {
    const start = Number((await reader.event.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0);
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
    const lateArrivals: number[] = [];
    const read = async () => {
      let highest = start;
      for (;;) {
        const done = !writing; // decided before reading, so the last pass sees every commit
        for (const seq of await seqsAfter(start)) {
          if (seen.has(seq)) continue;
          if (seq < highest) lateArrivals.push(seq);
          seen.add(seq);
          highest = Math.max(highest, seq);
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

    expect(lateArrivals).toEqual([]);
    // each transaction's events are consecutive and in the order they were emitted
    for (const seqs of appended) expect(seqs).toEqual(seqs.map((_, k) => seqs[0]! + k));
    // and the reader saw every one of them
    const ours = appended.flat();
    expect(ours).toHaveLength(399); // 67 transactions of one event, 67 of two, 66 of three
    expect(ours.filter((s) => !seen.has(s))).toEqual([]);
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
