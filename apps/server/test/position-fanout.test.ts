// Backpressure per console (position-fanout.ts) with consoles that are plain objects: a console
// still sending what it was given gets no new positions packet, and once drained it gets the newest
// position of every unit it missed, in one packet; consoles that keep up share one broadcast.
import { describe, expect, it } from 'vitest';
import type { UnitMoved } from '@amk/contracts';
import { type Consoles, PositionFanout } from '../src/modules/units/position-fanout.js';

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
  let broadcasts = 0;
  const fake: Consoles = {
    connected: () => packets.keys(),
    busy: (id) => busy.has(id),
    members: () => packets.keys(),
    broadcast(_room, batch, except) {
      broadcasts++;
      for (const [id, got] of packets) if (!except.includes(id)) got.push(batch);
    },
    send: (id, batch) => packets.get(id)?.push(batch),
  };
  return { fake, busy, packets, broadcasts: () => broadcasts };
}

describe('positions to a slow console', () => {
  it('are held while it has unsent data, then the newest of each unit arrives in one packet', () => {
    const c = consoles(['fast', 'slow']);
    const fanout = new PositionFanout(c.fake);
    c.busy.add('slow');
    fanout.flush(new Map([[ROOM, [moved('a', 1), moved('b', 1)]]]));
    fanout.flush(new Map([[ROOM, [moved('a', 2)]]]));
    fanout.flush(new Map([[ROOM, [moved('a', 3)]]]));
    expect(c.packets.get('slow')).toEqual([]);
    expect(c.packets.get('fast')).toHaveLength(3);
    expect(c.broadcasts()).toBe(3); // one packet per room and flush, however many consoles

    c.busy.delete('slow');
    fanout.flush(new Map([[ROOM, [moved('c', 1)]]]));
    const [caughtUp, ...more] = c.packets.get('slow')!;
    expect(more).toEqual([]);
    expect(caughtUp!.map((m) => [m.id, m.lat]).sort()).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    fanout.flush(new Map([[ROOM, [moved('a', 4)]]]));
    expect(c.packets.get('slow')!.at(-1)).toEqual([moved('a', 4)]); // back on the broadcast
  });

  it('drained between flushes, a console gets what it missed even when nothing new moved', () => {
    const c = consoles(['slow']);
    const fanout = new PositionFanout(c.fake);
    c.busy.add('slow');
    fanout.flush(new Map([[ROOM, [moved('a', 1)]]]));
    c.busy.delete('slow');
    fanout.flush(new Map());
    expect(c.packets.get('slow')).toEqual([[moved('a', 1)]]);
  });

  it('forgets a console that has gone', () => {
    const c = consoles(['slow']);
    const fanout = new PositionFanout(c.fake);
    c.busy.add('slow');
    fanout.flush(new Map([[ROOM, [moved('a', 1)]]]));
    c.packets.delete('slow');
    fanout.flush(new Map());
    c.packets.set('slow', []);
    c.busy.delete('slow');
    fanout.flush(new Map());
    expect(c.packets.get('slow')).toEqual([]);
  });
});
