// The map's sources follow the store by object identity: a feature is rebuilt only when its record
// is a new object, and the diff says exactly what to add, update and remove.
import type { AlertSummary, UnitSummary } from '@amk/contracts';
import { describe, expect, it, vi } from 'vitest';
import { FeatureSet } from '../src/map/feature-set.js';
import { responderFeature, stackPlaces, unitFeature } from '../src/map/features.js';
import { styleFont } from '../src/map/layers.js';

const unit = (id: string, over: Partial<UnitSummary> = {}): UnitSummary => ({
  id,
  callSign: id,
  kind: 'AMBULANCE_CAR',
  centreId: 'own',
  stationId: null,
  status: 'AVAILABLE_AT_STATION',
  statusAt: '2026-01-01T10:00:00.000Z',
  lat: 60.4,
  lon: 5.3,
  positionAt: null,
  crewOk: true,
  crewProblem: null,
  crewOverride: null,
  lentToCentreId: null,
  ...over,
});

function pass(set: FeatureSet, units: UnitSummary[], own: string, build = unitFeature) {
  set.begin();
  for (const u of units) set.offer(u.id, u, own, build);
  return set.end();
}

describe('FeatureSet', () => {
  it('adds, leaves the same objects alone, updates new objects, removes the gone and the unplaced', () => {
    const set = new FeatureSet();
    const a = unit('a');
    const b = unit('b', { centreId: 'neighbour' });
    const build = vi.fn(unitFeature);
    expect(pass(set, [a, b], 'own', build).add.map((f) => f.properties.own)).toEqual([true, false]);
    expect(build).toHaveBeenCalledTimes(2);

    const again = pass(set, [a, b], 'own', build);
    expect(again).toEqual({ add: [], update: [], remove: [] });
    expect(build).toHaveBeenCalledTimes(2); // nothing rebuilt

    const moved = { ...a, status: 'ALERTED' as const };
    const diff = pass(set, [moved, b], 'own', build);
    // Only what changed goes to the map: the status (and what follows from it), not the place.
    expect(diff.update.map((d) => [d.id, d.addOrUpdateProperties?.find((p) => p.key === 'status')?.value, d.newGeometry])).toEqual([
      ['a', 'ALERTED', undefined],
    ]);
    expect(set.shown.get('a')?.properties.status).toBe('ALERTED');

    expect(pass(set, [moved, { ...b, lat: null, lon: null }], 'own').remove).toEqual(['b']);
    expect(pass(set, [], 'own').remove).toEqual(['a']);
    expect(set.shown.size).toBe(0);
  });

  it('rebuilds everything when the second input changes (another own centre)', () => {
    const set = new FeatureSet();
    const a = unit('a');
    pass(set, [a], 'own');
    expect(pass(set, [a], 'other').update[0]?.addOrUpdateProperties).toEqual([{ key: 'own', value: false }]);
  });

  it('sends a unit that only moved as its new point alone, and nothing for a copy that changed nothing drawn', () => {
    const set = new FeatureSet();
    const a = unit('a');
    pass(set, [a], 'own');
    const diff = pass(set, [{ ...a, lat: 60.5, lon: 5.4 }], 'own');
    expect(diff.update).toEqual([{ id: 'a', newGeometry: { type: 'Point', coordinates: [5.4, 60.5] } }]);
    expect(set.shown.get('a')?.geometry).toEqual({ type: 'Point', coordinates: [5.4, 60.5] });
    // a new copy of the record with the same place and fields: the map is not asked to change
    expect(pass(set, [{ ...a, lat: 60.5, lon: 5.4 }], 'own')).toEqual({ add: [], update: [], remove: [] });
  });
});

describe('responder positions', () => {
  const alert = (over: Partial<AlertSummary>): AlertSummary => ({
    id: 'al',
    missionId: 'm',
    memberId: 'mem',
    memberName: 'Marte',
    unitName: 'Askøy RK',
    organisationKind: 'FORF',
    channel: 'PAGE',
    round: 1,
    distanceM: 900,
    state: 'ACCEPTED',
    alertedAt: '2026-01-01T10:00:00.000Z',
    deliveredAt: null,
    seenAt: null,
    acceptedAt: null,
    declinedAt: null,
    arrivedAt: null,
    failedAt: null,
    lastError: null,
    mainRuleOverride: null,
    position: { lat: 60.4, lon: 5.2, at: '2026-01-01T10:01:00.000Z' },
    ...over,
  });
  it('are drawn while the responder is on the way or there, not before or after', () => {
    expect(responderFeature(alert({}))?.geometry).toEqual({ type: 'Point', coordinates: [5.2, 60.4] });
    expect(responderFeature(alert({ state: 'ARRIVED' }))).not.toBeNull();
    expect(responderFeature(alert({ state: 'DECLINED' }))).toBeNull();
    expect(responderFeature(alert({ position: null }))).toBeNull();
  });
});

describe('styleFont', () => {
  it("writes in the style's own font when it has glyphs, else in the browser's (the offline style)", () => {
    expect(styleFont({ version: 8, sources: {}, layers: [] })).toEqual(['sans-serif']);
    expect(
      styleFont({
        version: 8,
        glyphs: 'x/{fontstack}/{range}.pbf',
        sources: {},
        layers: [{ id: 'l', type: 'symbol', source: 's', layout: { 'text-font': ['Noto Sans Regular'] } }],
      }),
    ).toEqual(['Noto Sans Regular']);
    expect(styleFont({ version: 8, glyphs: 'x/{fontstack}/{range}.pbf', sources: {}, layers: [] })).toBeNull();
  });
});

describe('a stale unit position on the map', () => {
  const now = Date.parse('2026-01-01T10:30:00.000Z');
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  it.each([
    ['on the move, reported 5 min ago', { status: 'AVAILABLE_ON_THE_MOVE', positionAt: at(5) }, false],
    ['on the move, reported exactly 10 min ago', { status: 'AVAILABLE_ON_THE_MOVE', positionAt: at(10) }, false],
    ['on the move, reported 11 min ago', { status: 'AVAILABLE_ON_THE_MOVE', positionAt: at(11) }, true],
    ['en route, never reported', { status: 'EN_ROUTE', positionAt: null }, true],
    ['at its station, quiet for hours', { status: 'AVAILABLE_AT_STATION', positionAt: at(300) }, false],
  ] as [string, Partial<UnitSummary>, boolean][])('%s → stale=%s', (_name, over, stale) => {
    const f = unitFeature(unit('u', over), 'own', now)!;
    expect(f.properties.stale).toBe(stale);
    expect(f.properties.label).toBe(stale ? 'u ?' : 'u');
  });
});

describe('units at one spot', () => {
  it('stack with units on a mission first, then by call sign; units alone are not stacked', () => {
    const places = stackPlaces([
      unit('BGN-A13'),
      unit('BGN-A11'),
      unit('BGN-A12', { status: 'EN_ROUTE' }),
      unit('ALONE', { lat: 61, lon: 6 }),
      unit('NOWHERE', { lat: null, lon: null }),
    ]);
    expect(places.get('BGN-A12')).toEqual({ index: 0, size: 3 });
    expect(places.get('BGN-A11')).toEqual({ index: 1, size: 3 });
    expect(places.get('BGN-A13')).toEqual({ index: 2, size: 3 });
    expect(places.has('ALONE')).toBe(false);
    expect(places.has('NOWHERE')).toBe(false);
  });

  it('a few metres apart is one spot; a hundred metres is not', () => {
    expect(stackPlaces([unit('a'), unit('b', { lat: 60.40001 })]).size).toBe(2);
    expect(stackPlaces([unit('a'), unit('b', { lat: 60.401 })]).size).toBe(0);
  });

  it('each feature carries its place in the stack and whether it is on a mission', () => {
    const f = unitFeature(unit('u', { status: 'ON_SCENE' }), 'own', Date.now(), { index: 1, size: 2 })!;
    expect(f.properties).toMatchObject({ busy: true, stack: 1, stackSize: 2 });
    expect(unitFeature(unit('v'), 'own')!.properties).toMatchObject({ busy: false, stack: 0, stackSize: 1 });
  });
});
