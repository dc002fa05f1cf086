/// <reference types="node" />
// Node types only for the test harness (fs, performance); the package itself stays free of node.
import { describe, it, expect } from 'vitest';
import { answerTarget, ringingTooLong, summariseAnswerTimes } from '../src/index.js';
import type { CallTiming, Line } from '../src/index.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const answered = (line: Line, waitSeconds: number): CallTiming => ({
  line,
  ringingAt: T0,
  answeredAt: T0 + waitSeconds * 1000,
  abandoned: false,
});
const abandoned = (line: Line, afterSeconds: number): CallTiming => ({
  line,
  ringingAt: T0 - afterSeconds * 1000,
  answeredAt: null,
  abandoned: true,
});
const ringing = (line: Line): CallTiming => ({ line, ringingAt: T0, answeredAt: null, abandoned: false });

describe('answerTarget', () => {
  it.each([
    ['113', 10, 0.9], // § 15 b
    ['116117', 120, 0.8], // § 13 d
    ['LEGEVAKT', 120, 0.8], // § 13 d
  ] as const)('%s → %i s, %f', (line, withinSeconds, targetShare) => {
    expect(answerTarget(line)).toEqual({ withinSeconds, targetShare });
  });
});

describe('ringingTooLong: when the queue alarms', () => {
  const t0 = Date.parse('2026-12-04T02:00:00Z');
  it('at an AMK after 10 s of ringing, not at 10 s exactly', () => {
    expect(ringingTooLong('AMK', t0, t0 + 10_000)).toBeNull();
    expect(ringingTooLong('AMK', t0, t0 + 10_001)).toBe(10);
  });
  it('at a legevaktsentral after two minutes', () => {
    expect(ringingTooLong('LVS', t0, t0 + 60_000)).toBeNull();
    expect(ringingTooLong('LVS', t0, t0 + 120_001)).toBe(120);
  });
  it('never with nobody ringing', () => {
    expect(ringingTooLong('AMK', null, t0)).toBeNull();
  });
});

describe('summariseAnswerTimes — hand-computed fixtures', () => {
  const calls: CallTiming[] = [
    // 113: answered after 2, 5, 9.999, 10.000, 10.001, 30 s; two abandoned; one still ringing.
    answered('113', 2),
    answered('113', 5),
    answered('113', 9.999),
    answered('113', 10),
    answered('113', 10.001),
    answered('113', 30),
    abandoned('113', 3),
    abandoned('113', 40),
    ringing('113'),
    // 116117: ten answered, the last just over 2 minutes.
    ...[10, 20, 30, 60, 90, 100, 110, 119, 120, 121].map((s) => answered('116117', s)),
    // LEGEVAKT: two waits beyond the one-hour histogram, one abandoned.
    ...[200, 130, 60, 4000, 3700].map((s) => answered('LEGEVAKT', s)),
    abandoned('LEGEVAKT', 10),
  ];
  const summary = summariseAnswerTimes(calls);

  it.each([
    // line, total, answered, abandoned, ringing, within, share, median, meets
    // 113: within = 2, 5, 9.999, 10.000 → 4 of (6 answered + 2 abandoned) = 0.5.
    //      median of whole seconds [2, 5, 9, 10, 10, 30] = (9 + 10) / 2.
    ['113', 9, 6, 2, 1, 4, 0.5, 9.5, false],
    // 116117: all but 121 s are within 120 s → 9/10 = 0.9 ≥ 0.8; median (90 + 100) / 2.
    ['116117', 10, 10, 0, 0, 9, 0.9, 95, true],
    // LEGEVAKT: only 60 s within → 1/6; median of [60, 130, 200, 3700, 4000] = 200.
    ['LEGEVAKT', 6, 5, 1, 0, 1, 1 / 6, 200, false],
  ] as const)('%s', (line, total, nAnswered, nAbandoned, nRinging, withinTarget, share, median, meets) => {
    const s = summary[line];
    expect(s).toMatchObject({
      line,
      total,
      answered: nAnswered,
      abandoned: nAbandoned,
      ringing: nRinging,
      withinTarget,
      medianSeconds: median,
      meetsTarget: meets,
    });
    expect(s.shareWithinTarget).toBeCloseTo(share, 10);
  });

  it('fills display buckets from whole-second waits', () => {
    expect(summary['113'].histogram.map((b) => b.count)).toEqual([1, 2, 2, 0, 1, 0, 0, 0, 0]);
    expect(summary['113'].histogram[0]).toEqual({ fromSeconds: 0, toSeconds: 5, count: 1 });
    expect(summary.LEGEVAKT.histogram.at(-1)).toEqual({ fromSeconds: 600, toSeconds: null, count: 2 });
  });

  it('gives every line even without calls: nothing judged, nothing missed', () => {
    const empty = summariseAnswerTimes([]);
    for (const line of ['113', '116117', 'LEGEVAKT'] as const) {
      expect(empty[line]).toMatchObject({ total: 0, shareWithinTarget: null, medianSeconds: null, meetsTarget: true });
    }
  });

  it.each([
    ['odd count', [1, 2, 3], 2],
    ['even count', [1, 2, 3, 4], 2.5],
    ['one call', [7.9], 7],
    ['median beyond the histogram', [10, 3700, 4000], 3700],
    ['even count straddling the overflow', [3599, 3600], 3599.5],
    ['answered before ringing (clock skew) counts as 0', [-1, -1, 4], 0],
  ])('median: %s', (_name, waits, median) => {
    expect(summariseAnswerTimes(waits.map((s) => answered('113', s)))['113'].medianSeconds).toBe(median);
  });

  it('an abandoned call is never within target, even a short one', () => {
    const s = summariseAnswerTimes([answered('113', 1), abandoned('113', 1)])['113'];
    expect(s.withinTarget).toBe(1);
    expect(s.shareWithinTarget).toBe(0.5);
  });

  it('counts a call with answeredAt set as answered even if flagged abandoned', () => {
    const s = summariseAnswerTimes([{ line: '113', ringingAt: T0, answeredAt: T0 + 4000, abandoned: true }])['113'];
    expect(s).toMatchObject({ answered: 1, abandoned: 0, withinTarget: 1 });
  });

  // Speed is measured in `pnpm bench`, not here; this checks the counts at that size.
  it('summarises a million calls without losing one', () => {
    const lines: Line[] = ['113', '116117', 'LEGEVAKT'];
    const many: CallTiming[] = new Array(1_000_000);
    for (let i = 0; i < many.length; i++) {
      const line = lines[i % 3] as Line;
      many[i] = { line, ringingAt: T0, answeredAt: i % 50 === 0 ? null : T0 + (i % 200) * 1000, abandoned: i % 50 === 0 };
    }
    const s = summariseAnswerTimes(many);
    expect(s['113'].total + s['116117'].total + s.LEGEVAKT.total).toBe(1_000_000);
    expect(s['113'].abandoned + s['116117'].abandoned + s.LEGEVAKT.abandoned).toBe(20_000);
  });
});
