import { describe, it, expect } from 'vitest';
import { responseTarget, summariseResponseTimes } from '../src/index.js';
import type { ResponseItem, SettlementClass, Urgency } from '../src/index.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const item = (settlementClass: SettlementClass, minutes: number | null, urgency?: Urgency): ResponseItem => ({
  answeredAt: T0,
  firstOnSceneAt: minutes === null ? null : T0 + minutes * 60_000,
  settlementClass,
  ...(urgency ? { urgency } : {}),
});

describe('responseTarget', () => {
  it.each([
    ['TOWN', 12],
    ['RURAL', 25],
  ] as const)('%s → %i min, 90 %%', (cls, withinMinutes) => {
    expect(responseTarget(cls)).toEqual({ withinMinutes, targetShare: 0.9 });
  });
});

describe('summariseResponseTimes — hand-computed', () => {
  const summary = summariseResponseTimes([
    // TOWN: 10 acute arrivals, 9 within 12 min (12.0 counts) → 0.9, meets; median (8 + 9) / 2 = 8.5.
    ...[5, 6, 7, 8, 8, 9, 10, 11, 12, 12.5].map((m) => item('TOWN', m, 'A')),
    item('TOWN', null, 'A'), // stood down: not judged
    item('TOWN', 40, 'H'), // not acute: outside the guideline
    item('TOWN', 40, 'V'),
    // RURAL: 4 arrivals without urgency, 3 within 25 → 0.75, does not meet; median (20 + 25) / 2.
    ...[15, 20, 25, 31].map((m) => item('RURAL', m)),
  ]);

  it.each([
    // cls, count, within, share, median, meets, noArrival, notAcute
    ['TOWN', 10, 9, 0.9, 8.5, true, 1, 2],
    ['RURAL', 4, 3, 0.75, 22.5, false, 0, 0],
  ] as const)('%s', (cls, count, withinTarget, share, medianMinutes, meetsTarget, noArrival, notAcute) => {
    expect(summary[cls]).toMatchObject({ count, withinTarget, medianMinutes, meetsTarget, noArrival, notAcute });
    expect(summary[cls].share).toBeCloseTo(share, 10);
  });

  it.each([
    ['odd count', [3, 1, 2], 2],
    ['one item', [17], 17],
    ['seconds count', [12.25, 12.75], 12.5],
  ])('median: %s', (_name, minutes, median) => {
    expect(summariseResponseTimes(minutes.map((m) => item('TOWN', m))).TOWN.medianMinutes).toBe(median);
  });

  it('with no arrivals: nothing judged', () => {
    expect(summariseResponseTimes([]).RURAL).toMatchObject({ count: 0, share: null, medianMinutes: null, meetsTarget: true });
  });
});
