import { describe, expect, it } from 'vitest';
import { callClusters, type PlacedCall } from '../src/call-clusters.js';

const now = Date.parse('2026-12-03T12:00:00Z');
const min = 60_000;
// Dale in Vaksdal, and points about 100 m, 250 m, 400 m and 2 km from it.
const dale = { lat: 60.585, lon: 5.82 };
const near100 = { lat: 60.5859, lon: 5.82 };
const near250 = { lat: 60.585, lon: 5.8245 };
const far400 = { lat: 60.5886, lon: 5.82 };
const far2km = { lat: 60.603, lon: 5.82 };
const call = (id: string, place: { lat: number; lon: number } | null, minutesAgo: number): PlacedCall => ({
  id,
  lat: place?.lat ?? null,
  lon: place?.lon ?? null,
  at: now - minutesAgo * min,
});

describe('calls about the same place within minutes', () => {
  it.each<[string, PlacedCall[], string[][]]>([
    [
      'four callers within 300 m in 4 minutes',
      [call('a', dale, 4), call('b', near100, 3), call('c', near250, 2), call('d', dale, 1)],
      [['a', 'b', 'c', 'd']],
    ],
    ['three are not enough', [call('a', dale, 4), call('b', near100, 3), call('c', near250, 1)], []],
    ['one of four 400 m away', [call('a', dale, 4), call('b', near100, 3), call('c', near250, 2), call('d', far400, 1)], []],
    ['one of four rang 11 minutes ago', [call('a', dale, 11), call('b', near100, 3), call('c', near250, 2), call('d', dale, 1)], []],
    ['one without a place', [call('a', dale, 4), call('b', null, 3), call('c', near250, 2), call('d', dale, 1)], []],
    [
      'a call in the future (a clock ahead) is left out',
      [call('a', dale, 4), call('b', near100, 3), call('c', near250, 2), call('d', dale, -5)],
      [],
    ],
    [
      'five here and four there: the larger first',
      [
        call('x1', far2km, 2),
        call('x2', far2km, 2),
        call('x3', far2km, 1),
        call('x4', far2km, 1),
        call('a', dale, 5),
        call('b', near100, 4),
        call('c', near250, 3),
        call('d', dale, 1),
        call('e', near100, 1),
      ],
      [
        ['a', 'b', 'c', 'd', 'e'],
        ['x1', 'x2', 'x3', 'x4'],
      ],
    ],
  ])('%s', (_name, calls, expected) => {
    expect(callClusters(calls, now).map((c) => c.callIds)).toEqual(expected);
  });

  it('is the same whatever order the calls come in', () => {
    const calls = [call('c', near250, 1), call('a', dale, 4), call('d', dale, 2), call('b', near100, 3)];
    expect(callClusters(calls, now)).toEqual(callClusters([...calls].reverse(), now));
  });

  it('gives the mean place and the first and last time', () => {
    const [cluster] = callClusters([call('a', dale, 4), call('b', dale, 3), call('c', dale, 2), call('d', dale, 1)], now);
    expect(cluster).toMatchObject({ centre: dale, firstAt: now - 4 * min, lastAt: now - min });
  });

  it('is not suggested again near a major incident already declared', () => {
    const calls = [call('a', dale, 4), call('b', near100, 3), call('c', near250, 2), call('d', dale, 1)];
    expect(callClusters(calls, now, { declared: [near100] })).toEqual([]);
    expect(callClusters(calls, now, { declared: [far2km] })).toHaveLength(1);
  });

  it('follows the options: radius, window and size', () => {
    const calls = [call('a', dale, 4), call('b', near250, 3)];
    expect(callClusters(calls, now, { minCalls: 2 })).toHaveLength(1);
    expect(callClusters(calls, now, { minCalls: 2, radiusM: 200 })).toEqual([]);
    expect(callClusters(calls, now, { minCalls: 2, windowMinutes: 3 })).toEqual([]);
  });
});
