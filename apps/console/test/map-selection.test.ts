// The call the operator has open is found at a glance on the map: it, the units on its missions and
// the lines to them are highlighted through feature-state, so choosing another call sends no data
// to MapLibre's worker and rebuilds no tile. So is a unit asked for from the unit board.
import type { MissionSummary, UnitSummary } from '@amk/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightedFor } from '../src/map/map-selection.js';
import { attachMap, startMapSync } from '../src/map/map-sync.js';
import { useConsole } from '../src/store/console-store.js';

const CENTRE = '00000000-0000-4000-8000-000000000001';
const id = (group: number, i: number) => `00000000-0000-4000-8000-${String(group * 1000 + i).padStart(12, '0')}`;
const CALL_1 = id(1, 1);
const CALL_2 = id(1, 2);
const [A, B, C, D] = [1, 2, 3, 4].map((i) => id(2, i)) as [string, string, string, string];

const unit = (unitId: string, i: number): UnitSummary => ({
  id: unitId,
  callSign: `AMB-${i}`,
  kind: 'AMBULANCE_CAR',
  centreId: CENTRE,
  stationId: null,
  status: 'EN_ROUTE',
  statusAt: '2026-12-05T09:00:00.000Z',
  lat: 60 + i * 0.01,
  lon: 5 + i * 0.01,
  positionAt: '2026-12-05T09:00:00.000Z',
  crewOk: true,
  crewProblem: null,
  crewOverride: null,
  lentToCentreId: null,
});

const assigned = (unitId: string, releasedAt: string | null = null) => ({
  unitId,
  callSign: unitId.slice(-4),
  assignedAt: '2026-12-05T09:00:00.000Z',
  releasedAt,
  crewOverrideReason: null,
});

const mission = (i: number, callId: string, units: ReturnType<typeof assigned>[], closedAt: string | null = null) =>
  ({ id: id(3, i), centreId: CENTRE, callId, lat: 60.5, lon: 5.5, closedAt, units }) as unknown as MissionSummary;

// Call 1: an open mission with A (still out) and B (released), a closed one with C. Call 2: D.
const MISSIONS = {
  [id(3, 1)]: mission(1, CALL_1, [assigned(A), assigned(B, '2026-12-05T09:10:00.000Z')]),
  [id(3, 2)]: mission(2, CALL_1, [assigned(C)], '2026-12-05T09:20:00.000Z'),
  [id(3, 3)]: mission(3, CALL_2, [assigned(D)]),
};
const link = (missionIndex: number, unitId: string) => `${id(3, missionIndex)}:${unitId}`;

describe('what is highlighted for the selected call', () => {
  const bySource = (kind: string) => (kind === 'calls' ? 'calls' : 'units');

  it('is the call, and the units still out on its open missions with their lines', () => {
    const shown = highlightedFor({ selectedCallId: CALL_1, shownUnitId: null, missions: MISSIONS }, bySource);
    expect(Object.fromEntries([...shown].map(([source, ids]) => [source, [...ids].sort()]))).toEqual({
      calls: [CALL_1],
      units: [A, link(1, A)].sort(),
    });
  });

  it('is nothing when no call is open and no unit asked for', () => {
    expect(highlightedFor({ selectedCallId: null, shownUnitId: null, missions: MISSIONS }, bySource).size).toBe(0);
  });

  it('adds the unit asked for from the unit board, on a mission of that call or not', () => {
    const shown = highlightedFor({ selectedCallId: CALL_1, shownUnitId: D, missions: MISSIONS }, bySource);
    expect([...shown.get('units')!].sort()).toEqual([A, D, link(1, A)].sort());
    const alone = highlightedFor({ selectedCallId: null, shownUnitId: B, missions: MISSIONS }, bySource);
    expect(Object.fromEntries([...alone].map(([source, ids]) => [source, [...ids]]))).toEqual({ units: [B] });
  });
});

describe('the selection on the map', () => {
  const frames: FrameRequestCallback[] = [];
  const runFrame = () => {
    for (const f of frames.splice(0)) f(performance.now());
  };
  /** A map as MapLibre's: feature-state by source and id, and every data update sent to a source. */
  const fakeMap = () => {
    const state = new Map<string, boolean>();
    const updates: string[] = [];
    return {
      state,
      updates,
      selected: () =>
        [...state]
          .filter(([, on]) => on)
          .map(([key]) => key)
          .sort(),
      getZoom: () => 12,
      on: () => {},
      off: () => {},
      setFeatureState: ({ source, id }: { source: string; id: string }, s: { selected: boolean }) =>
        state.set(`${source}/${id}`, s.selected),
      getSource: (name: string) => ({
        updateData: () => {
          updates.push(name);
          return Promise.resolve();
        },
        setData: () => Promise.resolve(),
      }),
    };
  };
  let map = fakeMap();
  let stop: () => void;

  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    useConsole.setState({
      centre: { id: CENTRE, code: 'AMK-TEST', name: 'AMK Test', kind: 'AMK' } as never,
      units: Object.fromEntries([A, B, C, D].map((u, i) => [u, unit(u, i)])),
      missions: MISSIONS,
      selectedCallId: null,
    });
    stop = startMapSync();
    runFrame();
    attachMap(map as never);
  });
  beforeEach(() => {
    map.updates.length = 0;
  });
  afterAll(() => {
    stop();
    attachMap(null);
    vi.unstubAllGlobals();
  });

  it('highlights the open call, its unit and its line in the next frame, without sending the map any data', () => {
    useConsole.getState().selectCall(CALL_1);
    runFrame();
    expect(map.selected()).toEqual([`calls/${CALL_1}`, `units/${A}`, `units/${link(1, A)}`].sort());
    expect(map.updates).toEqual([]);
  });

  it('moves the highlight to another call, and nothing else', () => {
    useConsole.getState().selectCall(CALL_2);
    runFrame();
    expect(map.selected()).toEqual([`calls/${CALL_2}`, `units/${D}`, `units/${link(3, D)}`].sort());
    // the first call's features are set back, not left highlighted
    expect(map.state.get(`calls/${CALL_1}`)).toBe(false);
    expect(map.state.get(`units/${A}`)).toBe(false);
    expect(map.updates).toEqual([]);
  });

  it('follows the missions: a unit released from the call is no longer highlighted', () => {
    const m = MISSIONS[id(3, 3)]!;
    useConsole.setState({ missions: { ...MISSIONS, [m.id]: { ...m, units: [assigned(D, '2026-12-05T09:30:00.000Z')] } } });
    runFrame();
    expect(map.selected()).toEqual([`calls/${CALL_2}`]);
  });

  it('highlights nothing once the call is closed in the console', () => {
    useConsole.getState().selectCall(null);
    runFrame();
    expect(map.selected()).toEqual([]);
  });

  it('rings a unit asked for from the unit board, and lets it go when asked again', () => {
    useConsole.getState().showUnit(B);
    runFrame();
    expect(map.selected()).toEqual([`units/${B}`]);
    useConsole.getState().showUnit(null);
    runFrame();
    expect(map.selected()).toEqual([]);
    expect(map.updates).toEqual([]);
  });

  it('is shown at once on a map that joins while a call is open (the map made again)', () => {
    useConsole.getState().selectCall(CALL_1);
    runFrame();
    map = fakeMap();
    attachMap(map as never);
    expect(map.selected()).toEqual([`calls/${CALL_1}`, `units/${A}`, `units/${link(1, A)}`].sort());
  });
});
