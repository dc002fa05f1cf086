// The callback list in the console: a lost caller arrives once however often the event comes,
// leaves every console when settled and never comes back; a later call from the same number is
// offered as the link.
import type { CallbackSummary, CallSummary, EventEnvelope, Snapshot } from '@amk/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { useConsole } from '../src/store/console-store.js';
import { laterCallFrom, openCallbacks } from '../src/callbacks/resolve-callback.js';

const CENTRE = '00000000-0000-4000-8000-000000000001';
const CB = '00000000-0000-4000-8000-0000000000d1';
const LOST = '00000000-0000-4000-8000-0000000000c1';
const at = (minute: number) => `2026-12-02T02:${String(minute).padStart(2, '0')}:00.000Z`;

const callback = (over: Partial<CallbackSummary> = {}): CallbackSummary => ({
  id: CB,
  callId: LOST,
  centreId: CENTRE,
  line: '113',
  callerNumber: '+4791234567',
  ringingAt: at(0),
  endedAt: at(0),
  waitedSeconds: 6,
  exercise: false,
  resolvedAt: null,
  outcome: null,
  linkedCallId: null,
  resolvedBy: null,
  note: null,
  updatedAt: at(0),
  ...over,
});
const call = (id: string, number: string, minute: number) =>
  ({ id, centreId: CENTRE, callerNumber: number, ringingAt: at(minute) }) as CallSummary;

let seq = 10;
const event = (data: CallbackSummary) => ({ seq: ++seq, type: 'callback.upserted', centreId: CENTRE, at: at(1), data }) as EventEnvelope;
const snapshot: Snapshot = {
  seq: 10,
  centre: { id: CENTRE, code: 'AMK-BERGEN', name: 'AMK Bergen', kind: 'AMK' } as Snapshot['centre'],
  calls: [],
  units: [],
  stations: [],
  transfers: [],
  notifications: [],
  missions: [],
};

beforeEach(() => {
  seq = 10;
  useConsole.setState({ callbacks: {}, gone: { calls: {}, missions: {}, callbacks: {} }, lastSeq: 0 });
  useConsole.getState().applySnapshot(snapshot);
});

describe('the callback list in the store', () => {
  it('a lost caller arrives once, however often the event comes', () => {
    const e = event(callback());
    useConsole.getState().applyEvent(e);
    useConsole.getState().applyEvent(e);
    useConsole.getState().upsertCallback(callback());
    expect(openCallbacks(useConsole.getState().callbacks).map((c) => c.id)).toEqual([CB]);
  });

  it('settled, it leaves and no late copy brings it back (HTTP answer and echo in either order)', () => {
    useConsole.getState().applyEvent(event(callback()));
    useConsole.getState().upsertCallback(callback({ resolvedAt: at(5), outcome: 'REACHED', updatedAt: at(5) }));
    useConsole.getState().applyEvent(event(callback({ resolvedAt: at(5), outcome: 'REACHED', updatedAt: at(5) })));
    useConsole.getState().applyEvent(event(callback()));
    expect(useConsole.getState().callbacks).toEqual({});
  });

  it('comes with the snapshot', () => {
    useConsole.getState().applySnapshot({ ...snapshot, callbacks: [callback()] });
    expect(Object.keys(useConsole.getState().callbacks)).toEqual([CB]);
  });
});

describe('offering a later call from the same number as the link', () => {
  it('offers the latest later call from that number, however it is written; not earlier ones or others', () => {
    const calls = {
      a: call('a', '912 34 567', 3),
      b: call('b', '+4791234567', 7),
      c: call('c', '+4799999999', 9),
      d: call('d', '+4791234567', 0),
      [LOST]: call(LOST, '+4791234567', 0),
    };
    expect(laterCallFrom(callback({ ringingAt: at(1) }), calls)?.id).toBe('b');
    expect(laterCallFrom(callback({ ringingAt: at(8) }), calls)).toBeUndefined();
  });
});
