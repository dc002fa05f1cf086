// 2,000 units report every second: what that may cost the console. The lists (the status board,
// a call's dispatch, the wall's crew list) are not re-rendered for a unit that only moved, and the
// map gets one update per animation frame however many batches arrived, carrying only the moved
// points, with no cluster work while the map is zoomed in past the clusters.
import type { UnitSummary } from '@amk/contracts';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachMap, startMapSync } from '../src/map/map-sync.js';
import { useConsole } from '../src/store/console-store.js';
import { boardSelector } from '../src/store/unit-board.js';

const CENTRE = '00000000-0000-4000-8000-000000000001';
const unit = (i: number, over: Partial<UnitSummary> = {}): UnitSummary => ({
  id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
  callSign: `AMB-${i}`,
  kind: 'AMBULANCE_CAR',
  centreId: CENTRE,
  stationId: null,
  status: i % 2 ? 'AVAILABLE_ON_THE_MOVE' : 'EN_ROUTE',
  statusAt: '2026-12-04T09:00:00.000Z',
  lat: 60 + i * 0.01,
  lon: 5 + i * 0.01,
  positionAt: '2026-12-04T09:00:00.000Z',
  crewOk: true,
  crewProblem: null,
  crewOverride: null,
  lentToCentreId: null,
  ...over,
});
const units = [unit(1), unit(2), unit(3)];
const moveAll = (second: number) =>
  useConsole.getState().applyPositions(
    units.map((u, i) => ({
      id: u.id,
      lat: 60.5 + second * 0.001 + i,
      lon: 5.5 + second * 0.001,
      at: `2026-12-04T09:01:${String(second).padStart(2, '0')}.000Z`,
      speedKmh: 60,
      headingDeg: 90,
    })),
  );

beforeAll(() => {
  useConsole.setState({
    centre: { id: CENTRE, code: 'AMK-TEST', name: 'AMK Test', kind: 'AMK' } as never,
    units: Object.fromEntries(units.map((u) => [u.id, u])),
  });
});

describe('the lists, while units only move', () => {
  it('keep the record they were given, so React has nothing to re-render; a status change gives a new one', () => {
    const select = boardSelector();
    const shown = select(useConsole.getState());
    let renders = 0;
    // What zustand does for a component: a new selection (by Object.is) is a re-render.
    let last = shown;
    const unsubscribe = useConsole.subscribe((s) => {
      const next = select(s);
      if (!Object.is(next, last)) renders++;
      last = next;
    });
    for (let second = 1; second <= 20; second++) moveAll(second);
    expect(renders).toBe(0);
    expect(select(useConsole.getState())).toBe(shown);

    useConsole
      .getState()
      .upsertUnit({ ...useConsole.getState().units[units[1]!.id]!, status: 'ON_SCENE', statusAt: '2026-12-04T09:02:00.000Z' });
    expect(renders).toBe(1);
    expect(select(useConsole.getState())[units[1]!.id]?.status).toBe('ON_SCENE');
    unsubscribe();
  });

  it('still show how old a position is: a record kept while units move is replaced after 10 s', () => {
    let clock = 0;
    const select = boardSelector(() => clock);
    const shown = select(useConsole.getState());
    moveAll(21);
    clock = 9_999;
    expect(select(useConsole.getState())).toBe(shown);
    clock = 10_000;
    moveAll(22);
    const refreshed = select(useConsole.getState());
    expect(refreshed).not.toBe(shown);
    // the board's position time is the latest report, not the one of the unit's last status change
    expect(refreshed[units[0]!.id]?.positionAt).toBe('2026-12-04T09:01:22.000Z');
  });

  it('give a unit that gets its first position a new record at once (its "show on the map" button)', () => {
    const quiet = unit(9, { lat: null, lon: null, positionAt: null });
    useConsole.getState().upsertUnit(quiet);
    const select = boardSelector(() => 0);
    const before = select(useConsole.getState());
    useConsole
      .getState()
      .applyPositions([{ id: quiet.id, lat: 60.9, lon: 5.9, at: '2026-12-04T09:03:00.000Z', speedKmh: 0, headingDeg: 0 }]);
    const after = select(useConsole.getState());
    expect(after).not.toBe(before);
    expect(after[quiet.id]?.lat).toBe(60.9);
    const { [quiet.id]: _gone, ...rest } = useConsole.getState().units;
    useConsole.setState({ units: rest }); // the map's tests below know only the first three
  });
});

describe('the map, while units move', () => {
  const frames: FrameRequestCallback[] = [];
  const runFrame = () => {
    for (const f of frames.splice(0)) f(performance.now());
  };
  const updates: Record<string, GeoJSONSourceDiff[]> = {};
  const clusterData: unknown[] = [];
  let zoom = 10;
  const onZoom: (() => void)[] = [];
  const map = {
    getZoom: () => zoom,
    on: (event: string, f: () => void) => event === 'zoom' && onZoom.push(f),
    off: () => {},
    getSource: (name: string) => ({
      updateData: (d: GeoJSONSourceDiff) => {
        updates[name] = [...(updates[name] ?? []), d];
        return Promise.resolve();
      },
      setData: (d: unknown) => {
        if (name === 'units-clustered') clusterData.push(d);
        return Promise.resolve();
      },
    }),
  };
  let stop: () => void;

  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    stop = startMapSync();
    runFrame();
    attachMap(map as never);
  });
  afterAll(() => {
    stop();
    attachMap(null);
    vi.unstubAllGlobals();
  });

  it('gets one update per frame for a burst of batches, with the moved points and nothing else', () => {
    const before = updates.units?.length ?? 0;
    for (let second = 30; second < 35; second++) moveAll(second);
    expect(frames.length).toBe(1); // five batches, one frame asked for
    runFrame();
    expect(updates.units!.length).toBe(before + 1);
    const diff = updates.units!.at(-1)!;
    expect(diff.add ?? []).toEqual([]);
    expect(diff.remove ?? []).toEqual([]);
    // the last batch's places, as points only: no properties re-sent for a unit that only moved
    expect(diff.update).toEqual(
      units.map((u, i) => ({ id: u.id, newGeometry: { type: 'Point', coordinates: [5.5 + 34 * 0.001, 60.5 + 34 * 0.001 + i] } })),
    );
    // the lines to the missions' places are in the units' source (none here: no missions)
    expect(updates.links).toBeUndefined();
  });

  it('does no cluster work zoomed in, and brings the clusters up to date when zoomed out', () => {
    for (let second = 40; second < 45; second++) {
      moveAll(second);
      runFrame();
    }
    expect(clusterData).toEqual([]);
    zoom = 6;
    for (const f of onZoom) f();
    expect(clusterData.length).toBe(1);
    // units on a mission are never folded into a cluster: only the free one is in it
    const sent = clusterData[0] as { features: { id: string; geometry: { coordinates: number[] } }[] };
    expect(sent.features.map((f) => f.id)).toEqual([units[0]!.id, units[2]!.id]);
    expect(sent.features[0]!.geometry.coordinates).toEqual([5.5 + 44 * 0.001, 60.5 + 44 * 0.001]);
  });

  it('moves a unit and the line to its mission in one update of one source, so they are drawn in one frame', () => {
    const onMission = units[1]!; // EN_ROUTE
    const missionId = '00000000-0000-4000-8000-000000000201';
    useConsole.setState({
      missions: { [missionId]: { id: missionId, lat: 61, lon: 6, units: [{ unitId: onMission.id, releasedAt: null }] } as never },
    });
    runFrame();
    const before = updates.units!.length;
    moveAll(50);
    runFrame();
    expect(updates.units!.length).toBe(before + 1);
    expect(updates.links).toBeUndefined();
    const moved = [5.5 + 50 * 0.001, 60.5 + 50 * 0.001 + 1];
    expect(updates.units!.at(-1)!.update).toContainEqual({ id: onMission.id, newGeometry: { type: 'Point', coordinates: moved } });
    expect(updates.units!.at(-1)!.update).toContainEqual({
      id: `${missionId}:${onMission.id}`,
      newGeometry: { type: 'LineString', coordinates: [moved, [6, 61]] },
    });
  });
});
