// What makes the console ask again for recommendations and preparedness (unit changes that can
// change a ranking), and in which order preparedness gaps are listed.
import type { PreparednessReport, UnitSummary } from '@amk/contracts';
import { describe, expect, it } from 'vitest';
import { gapRows } from '../src/preparedness/gap-rows.js';
import { unitsChangedForRanking } from '../src/store/unit-changes.js';

const unit = (id: string, over: Partial<UnitSummary> = {}): UnitSummary => ({
  id,
  callSign: id,
  kind: 'AMBULANCE_CAR',
  centreId: 'c1',
  stationId: null,
  status: 'AVAILABLE_ON_THE_MOVE',
  statusAt: '2026-01-01T10:00:00.000Z',
  lat: 60.4,
  lon: 5.3,
  positionAt: '2026-01-01T10:00:00.000Z',
  crewOk: true,
  crewProblem: null,
  crewOverride: null,
  lentToCentreId: null,
  ...over,
});

describe('unitsChangedForRanking', () => {
  const a = unit('a');
  const b = unit('b', { status: 'EN_ROUTE' });
  const before = { a, b };

  it('sees a status change, a free unit moving, a unit added or gone', () => {
    expect(unitsChangedForRanking(before, { a: { ...a, status: 'ALERTED' }, b })).toBe(true);
    expect(unitsChangedForRanking(before, { a: { ...a, lat: 60.41 }, b })).toBe(true);
    expect(unitsChangedForRanking(before, { a, b, c: unit('c') })).toBe(true);
    expect(unitsChangedForRanking(before, { a })).toBe(true);
  });

  it('a crew that comes to fail § 11 (or passes again) changes the ranking: such a unit is not ranked', () => {
    expect(unitsChangedForRanking(before, { a: { ...a, crewOk: false }, b })).toBe(true);
  });

  it('ignores a busy unit driving along, an override note, and the same records', () => {
    expect(unitsChangedForRanking(before, { a, b: { ...b, lat: 60.5, lon: 5.4 } })).toBe(false);
    expect(unitsChangedForRanking(before, { a: { ...a, crewOverride: { reason: 'x', at: a.statusAt, by: 'y' } }, b })).toBe(false);
    expect(unitsChangedForRanking(before, { ...before })).toBe(false);
    expect(unitsChangedForRanking(before, before)).toBe(false);
  });
});

describe('gapRows', () => {
  const k = (navn: string, eta: number | null, gap: boolean, guideline = 25): PreparednessReport['kommuner'][number] => ({
    kommunenummer: navn,
    kommunenavn: navn,
    settlementClass: guideline === 12 ? 'TOWN' : 'RURAL',
    guidelineMinutes: guideline,
    freeAmbulances: 0,
    nearestFreeEtaMinutes: eta,
    nearestFreeCallSign: eta === null ? null : 'X',
    gap,
  });

  it('lists only gaps, none free at all first, then the longest beyond the guideline, then by name', () => {
    const report = {
      at: '2026-01-01T10:00:00.000Z',
      kommuner: [
        k('Voss', 31, true),
        k('Bergen', 5, false, 12),
        k('Modalen', null, true),
        k('Askøy', 20, true, 12),
        k('Eidfjord', 33, true),
      ],
    };
    expect(gapRows(report).map((r) => r.kommunenavn)).toEqual(['Modalen', 'Askøy', 'Eidfjord', 'Voss']);
    expect(gapRows(null)).toEqual([]);
  });
});
