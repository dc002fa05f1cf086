// The console store applies the same change idempotently, whichever way it arrives: the socket
// event (possibly twice, from a replay overlapping the snapshot) and the HTTP answer (possibly late).
import type { CallSummary, EventEnvelope, MissionSummary, Snapshot, UnitSummary } from '@amk/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { useConsole } from '../src/store/console-store.js';

const CENTRE = '00000000-0000-4000-8000-000000000001';
const OTHER_CENTRE = '00000000-0000-4000-8000-000000000002';
const CALL = '00000000-0000-4000-8000-0000000000c1';
const MISSION = '00000000-0000-4000-8000-0000000000a1';
const UNIT = '00000000-0000-4000-8000-0000000000b1';
const at = (minute: number) => `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`;

const call = (over: Partial<CallSummary> = {}): CallSummary =>
  ({
    id: CALL,
    centreId: CENTRE,
    externalId: null,
    line: '113',
    source: 'MANUAL',
    state: 'ANSWERED',
    callerNumber: null,
    callerName: 'Kari',
    ringingAt: at(0),
    answeredAt: at(0),
    endedAt: null,
    operatorId: null,
    urgency: 'A',
    criterionCode: null,
    addressText: null,
    lat: 60.39,
    lon: 5.32,
    positionRadiusM: null,
    kommunenummer: '4601',
    summary: null,
    closedAt: null,
    updatedAt: at(1),
    ...over,
  }) as CallSummary;

const mission = (over: Partial<MissionSummary> = {}): MissionSummary => ({
  id: MISSION,
  centreId: CENTRE,
  callId: CALL,
  incidentId: null,
  kind: 'AMBULANCE',
  urgency: 'A',
  eventType: null,
  lat: 60.39,
  lon: 5.32,
  kommunenummer: '4601',
  createdAt: at(1),
  closedAt: null,
  outcome: null,
  units: [{ unitId: UNIT, callSign: 'KNV-A31', assignedAt: at(1), releasedAt: null, crewOverrideReason: null }],
  responseMinutes: null,
  updatedAt: at(1),
  ...over,
});

const unit = (over: Partial<UnitSummary> = {}): UnitSummary =>
  ({
    id: UNIT,
    callSign: 'KNV-A31',
    kind: 'AMBULANCE_CAR',
    centreId: CENTRE,
    stationId: null,
    status: 'ALERTED',
    statusAt: at(1),
    lat: 60.4,
    lon: 5.3,
    positionAt: at(1),
    crewOk: true,
    crewProblem: null,
    crewOverride: null,
    lentToCentreId: null,
    ...over,
  }) as UnitSummary;

let seq = 10;
const event = <T extends EventEnvelope['type']>(type: T, data: Extract<EventEnvelope, { type: T }>['data'], s = ++seq) =>
  ({ seq: s, type, centreId: CENTRE, at: at(2), data }) as EventEnvelope;

const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  seq: 10,
  centre: { id: CENTRE, code: 'AMK-BERGEN', name: 'AMK Bergen', kind: 'AMK' } as Snapshot['centre'],
  calls: [call()],
  units: [unit()],
  stations: [],
  transfers: [],
  notifications: [],
  missions: [],
  ...over,
});

const state = () => useConsole.getState();

beforeEach(() => {
  seq = 10;
  useConsole.setState(useConsole.getInitialState(), true);
  state().applySnapshot(snapshot());
});

describe('duplicate events', () => {
  it('applies an event once; the same seq again changes nothing', () => {
    const e = event('call.upserted', call({ urgency: 'H', updatedAt: at(3) }));
    state().applyEvent(e);
    const after = state().calls;
    state().applyEvent({ ...e, data: call({ urgency: 'V', updatedAt: at(9) }) } as EventEnvelope); // same seq, different body: ignored
    expect(state().calls).toBe(after);
    expect(state().calls[CALL]?.urgency).toBe('H');
    expect(state().lastSeq).toBe(e.seq);
  });

  it('ignores events at or below the snapshot seq (a replay overlapping the snapshot)', () => {
    state().applyEvent(event('call.upserted', call({ urgency: 'V', updatedAt: at(9) }), 10));
    expect(state().calls[CALL]?.urgency).toBe('A');
    expect(state().lastSeq).toBe(10);
  });

  it('the HTTP answer and its socket echo of the same change leave one copy', () => {
    const m = mission();
    state().upsertMission(m);
    state().applyEvent(event('mission.upserted', m));
    expect(Object.keys(state().missions)).toEqual([MISSION]);
    expect(state().missions[MISSION]).toEqual(m);
  });
});

describe('out-of-order HTTP answer against events', () => {
  it('a late HTTP answer does not roll a mission back', () => {
    state().applyEvent(event('mission.upserted', mission({ responseMinutes: 7, updatedAt: at(8) })));
    state().upsertMission(mission({ updatedAt: at(1) })); // the dispatch answer, overtaken by the on-scene event
    expect(state().missions[MISSION]?.responseMinutes).toBe(7);
  });

  it('a late HTTP answer does not bring a closed mission back, nor does a replayed older event', () => {
    state().upsertMission(mission());
    state().applyEvent(event('mission.upserted', mission({ closedAt: at(20), outcome: 'Behandlet på stedet', updatedAt: at(20) })));
    expect(state().missions[MISSION]).toBeUndefined();
    state().upsertMission(mission({ updatedAt: at(5) }));
    state().applyEvent(event('mission.upserted', mission({ updatedAt: at(6) })));
    expect(state().missions[MISSION]).toBeUndefined();
  });

  it('a late HTTP answer does not undo a newer unit status, and keeps the newest position', () => {
    state().applyEvent(event('unit.upserted', unit({ status: 'EN_ROUTE', statusAt: at(4) })));
    state().applyPositions([{ id: UNIT, lat: 61, lon: 6, at: at(5), speedKmh: null, headingDeg: null }]);
    state().upsertUnit(unit({ status: 'ALERTED', statusAt: at(1) }));
    expect(state().units[UNIT]?.status).toBe('EN_ROUTE');
    state().upsertUnit(unit({ status: 'ON_SCENE', statusAt: at(6), lat: 60, lon: 5, positionAt: at(2) }));
    expect(state().units[UNIT]).toMatchObject({ status: 'ON_SCENE', lat: 61, lon: 6, positionAt: at(5) });
  });

  it('a late HTTP answer does not undo a newer call', () => {
    state().applyEvent(event('call.upserted', call({ criterionCode: 'A.06.01', updatedAt: at(5) })));
    state().upsertCall(call({ criterionCode: null, updatedAt: at(3) }));
    expect(state().calls[CALL]?.criterionCode).toBe('A.06.01');
  });
});

describe('a call leaving the list', () => {
  it('transferred away: it leaves the list and the selection; a late answer of ours does not bring it back', () => {
    state().selectCall(CALL);
    state().applyEvent(event('call.upserted', call({ centreId: OTHER_CENTRE, updatedAt: at(5) })));
    expect(state().calls[CALL]).toBeUndefined();
    expect(state().selectedCallId).toBeNull();

    state().upsertCall(call({ summary: 'sent before the transfer', updatedAt: at(4) }));
    expect(state().calls[CALL]).toBeUndefined();
  });

  it('transferred back later: the newer copy returns to the list', () => {
    state().applyEvent(event('call.upserted', call({ centreId: OTHER_CENTRE, updatedAt: at(5) })));
    state().applyEvent(event('call.upserted', call({ summary: 'back', updatedAt: at(9) })));
    expect(state().calls[CALL]?.summary).toBe('back');
  });

  it('closed: a late answer does not reopen it', () => {
    state().applyEvent(event('call.upserted', call({ closedAt: at(6), updatedAt: at(6) })));
    state().upsertCall(call({ updatedAt: at(5) }));
    expect(state().calls[CALL]).toBeUndefined();
  });
});

describe('going live', () => {
  it('takes the server seq when it is ahead, never goes back', () => {
    state().markLive(42);
    expect(state()).toMatchObject({ lastSeq: 42, connection: 'live' });
    state().markLive(7);
    expect(state().lastSeq).toBe(42);
  });
});
