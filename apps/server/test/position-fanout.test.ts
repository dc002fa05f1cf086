// Backpressure per console (position-fanout.ts) with consoles that are plain objects: a console
// still sending what it was given gets no new positions packet, and once drained it gets the newest
// position of every unit it missed, in one packet; consoles that keep up share one packet, written
// a few consoles per turn of the event loop.
import { describe, expect, it } from 'vitest';
import type { UnitMoved } from '@amk/contracts';
import { type Consoles, PositionFanout, SEND_AT_ONCE } from '../src/modules/units/position-fanout.js';

const ROOM = 'centre:1';
const moved = (id: string, lat: number): UnitMoved => ({
  id,
  lat,
  lon: 5,
  at: new Date(1_000 + lat).toISOString(),
  speedKmh: null,
  headingDeg: null,
});

function consoles(ids: string[]) {
  const busy = new Set<string>();
  const packets = new Map<string, UnitMoved[][]>(ids.map((id) => [id, []]));
  let sends = 0;
  const fake: Consoles = {
    connected: () => packets.keys(),
    busy: (id) => busy.has(id),
    members: () => packets.keys(),
    send(to, batch) {
      sends++;
      for (const id of to) packets.get(id)?.push(batch);
    },
  };
  return { fake, busy, packets, sends: () => sends };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One flush, and the turns until its packets are all written. */
async function flushed(fanout: PositionFanout, batches: Map<string, UnitMoved[]>): Promise<void> {
  fanout.flush(batches);
  while (fanout.waiting > 0) await nextTurn();
}

describe('positions to a slow console', () => {
  it('are held while it has unsent data, then the newest of each unit arrives in one packet', async () => {
    const c = consoles(['fast', 'slow']);
    const fanout = new PositionFanout(c.fake);
    c.busy.add('slow');
    await flushed(fanout, new Map([[ROOM, [moved('a', 1), moved('b', 1)]]]));
    await flushed(fanout, new Map([[ROOM, [moved('a', 2)]]]));
    await flushed(fanout, new Map([[ROOM, [moved('a', 3)]]]));
    expect(c.packets.get('slow')).toEqual([]);
    expect(c.packets.get('fast')).toHaveLength(3);
    expect(c.sends()).toBe(3); // one packet per room and flush for the consoles that keep up

    c.busy.delete('slow');
    await flushed(fanout, new Map([[ROOM, [moved('c', 1)]]]));
    const [caughtUp, ...more] = c.packets.get('slow')!;
    expect(more).toEqual([]);
    expect(caughtUp!.map((m) => [m.id, m.lat]).sort()).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    await flushed(fanout, new Map([[ROOM, [moved('a', 4)]]]));
    expect(c.packets.get('slow')!.at(-1)).toEqual([moved('a', 4)]); // back on the broadcast
  });

  it('drained between flushes, a console gets what it missed even when nothing new moved', async () => {
    const c = consoles(['slow']);
    const fanout = new PositionFanout(c.fake);
    c.busy.add('slow');
    await flushed(fanout, new Map([[ROOM, [moved('a', 1)]]]));
    c.busy.delete('slow');
    await flushed(fanout, new Map());
    expect(c.packets.get('slow')).toEqual([[moved('a', 1)]]);
  });

  it('forgets a console that has gone', async () => {
    const c = consoles(['slow']);
    const fanout = new PositionFanout(c.fake);
    c.busy.add('slow');
    await flushed(fanout, new Map([[ROOM, [moved('a', 1)]]]));
    c.packets.delete('slow');
    await flushed(fanout, new Map());
    c.packets.set('slow', []);
    c.busy.delete('slow');
    await flushed(fanout, new Map());
    expect(c.packets.get('slow')).toEqual([]);
  });
});

describe('positions to many consoles', () => {
  it('are written a few consoles per turn, so work that arrives meanwhile (a call) goes before the rest', async () => {
    const ids = Array.from({ length: 4 * SEND_AT_ONCE }, (_, i) => `console-${i}`);
    const c = consoles(ids);
    const order: string[] = [];
    const fanout = new PositionFanout({
      ...c.fake,
      send(to, batch) {
        order.push(`positions to ${to.length}`);
        c.fake.send(to, batch);
      },
    });
    fanout.flush(new Map([[ROOM, [moved('a', 1)]]]));
    setImmediate(() => order.push('call')); // handled in the next turn, as a call's request or database answer is
    while (fanout.waiting > 0) await nextTurn();
    const chunk = `positions to ${SEND_AT_ONCE}`;
    expect(order).toEqual([chunk, 'call', chunk, chunk, chunk]);
    expect(ids.every((id) => c.packets.get(id)!.length === 1)).toBe(true);
  });
});
