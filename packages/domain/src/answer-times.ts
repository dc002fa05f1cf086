// Answer-time KPIs, measured from the first ring to the answer (the caller's wait).
//   § 15 b: AMK shall answer 90 % of calls to 113 within 10 seconds.
//   § 13 d: the legevaktsentral shall answer 80 % of calls within 2 minutes
//           (116117 and the local legevakt number alike).
//
// How calls are counted (the share is only meaningful if this is fixed):
//   answered  — answeredAt is set (whatever the abandoned flag says: the caller was reached).
//   abandoned — answeredAt is null and abandoned is true: the caller hung up while waiting.
//               An abandoned call is a call the centre did not answer, so it counts in the
//               denominator and never as within target, however short the wait was.
//   ringing   — answeredAt is null and abandoned is false: still waiting; not judged yet,
//               so it is left out of the share (it is counted in `total`).
//   shareWithinTarget = answered within target ÷ (answered + abandoned).
// A wait exactly equal to the limit (10.000 s) is within target.
//
// Built for the supervisor's live wall and for yearly reports: one pass, O(1) memory per line,
// no sorting. The median comes from a 1-second histogram (exact to the whole second); waits
// beyond HISTOGRAM_SECONDS are kept aside individually (they are rare) so it stays exact.
import type { Line } from './vocabulary.js';
import { LINES } from './vocabulary.js';

export interface AnswerTarget {
  withinSeconds: number;
  targetShare: number;
}

export function answerTarget(line: Line): AnswerTarget {
  // § 15 b for 113, § 13 d for the legevaktsentral's numbers.
  return line === '113' ? { withinSeconds: 10, targetShare: 0.9 } : { withinSeconds: 120, targetShare: 0.8 };
}

/**
 * The queue alarms (wall, console) when a caller has rung longer than the centre's answer target:
 * 10 s at an AMK (§ 15 b, 113), 2 minutes at a legevaktsentral (§ 13 d, 116117). Returns the target
 * in seconds when it is passed, else null.
 */
export function ringingTooLong(centreKind: 'AMK' | 'LVS', oldestRingingAt: number | null, now: number): number | null {
  if (oldestRingingAt === null) return null;
  const { withinSeconds } = answerTarget(centreKind === 'AMK' ? '113' : '116117');
  return now - oldestRingingAt > withinSeconds * 1000 ? withinSeconds : null;
}

export interface CallTiming {
  line: Line;
  /** ms since epoch when the call started ringing at the centre. */
  ringingAt: number;
  /** ms since epoch when an operator answered, null if not (yet) answered. */
  answeredAt: number | null;
  abandoned: boolean;
}

export interface HistogramBucket {
  /** Inclusive lower bound, whole seconds of waiting. */
  fromSeconds: number;
  /** Exclusive upper bound; null for the last, open bucket. */
  toSeconds: number | null;
  count: number;
}

export interface LineAnswerSummary {
  line: Line;
  target: AnswerTarget;
  total: number;
  answered: number;
  abandoned: number;
  ringing: number;
  withinTarget: number;
  /** withinTarget ÷ (answered + abandoned); null when there is nothing to judge yet. */
  shareWithinTarget: number | null;
  /** Median wait of answered calls in whole seconds (waits truncated to the second); null if none. */
  medianSeconds: number | null;
  /** share ≥ target share. With nothing to judge nothing was missed, so true. */
  meetsTarget: boolean;
  /** Answered calls by wait, in display buckets (see ANSWER_HISTOGRAM_EDGES). */
  histogram: HistogramBucket[];
}

export type AnswerTimeSummary = Record<Line, LineAnswerSummary>;

/** Resolution of the internal histogram: one bucket per second up to one hour. */
export const HISTOGRAM_SECONDS = 3600;

/** Display bucket edges in seconds; both the 10 s and 120 s limits are edges. */
export const ANSWER_HISTOGRAM_EDGES: readonly number[] = [0, 5, 10, 20, 30, 60, 120, 300, 600];

interface Accumulator {
  total: number;
  answered: number;
  abandoned: number;
  ringing: number;
  withinTarget: number;
  /** perSecond[s] = answered calls with floor(wait) = s, for s < HISTOGRAM_SECONDS. */
  perSecond: Float64Array;
  /** Whole-second waits ≥ HISTOGRAM_SECONDS → how many calls waited that long. */
  overflow: Map<number, number>;
}

function newAccumulator(): Accumulator {
  return {
    total: 0,
    answered: 0,
    abandoned: 0,
    ringing: 0,
    withinTarget: 0,
    perSecond: new Float64Array(HISTOGRAM_SECONDS),
    overflow: new Map(),
  };
}

/** The k-th smallest (0-based) whole-second wait. */
function kthWait(acc: Accumulator, k: number, sortedOverflow: [number, number][]): number {
  let seen = 0;
  for (let s = 0; s < HISTOGRAM_SECONDS; s++) {
    seen += acc.perSecond[s] ?? 0;
    if (seen > k) return s;
  }
  for (const [s, count] of sortedOverflow) {
    seen += count;
    if (seen > k) return s;
  }
  return HISTOGRAM_SECONDS;
}

function median(acc: Accumulator): number | null {
  if (acc.answered === 0) return null;
  const overflow = [...acc.overflow].sort((a, b) => a[0] - b[0]);
  const n = acc.answered;
  const upper = kthWait(acc, Math.floor(n / 2), overflow);
  if (n % 2 === 1) return upper;
  return (kthWait(acc, n / 2 - 1, overflow) + upper) / 2;
}

function displayHistogram(acc: Accumulator): HistogramBucket[] {
  const edges = ANSWER_HISTOGRAM_EDGES;
  return edges.map((from, i) => {
    const to = edges[i + 1] ?? null;
    let count = 0;
    const end = to ?? HISTOGRAM_SECONDS;
    for (let s = from; s < end; s++) count += acc.perSecond[s] ?? 0;
    if (to === null) for (const c of acc.overflow.values()) count += c;
    return { fromSeconds: from, toSeconds: to, count };
  });
}

/**
 * Calls already counted in groups, as a database GROUP BY gives them: how many calls on a line
 * waited `waitSeconds` whole seconds (null: not answered), whether that wait was within the
 * line's target (decided on the exact wait, so 10.4 s is not within 10 s), and whether an
 * unanswered call was abandoned.
 */
export interface AnswerTimeCount {
  line: Line;
  waitSeconds: number | null;
  withinTarget: boolean;
  abandoned: boolean;
  count: number;
}

export function summariseAnswerTimeCounts(rows: Iterable<AnswerTimeCount>): AnswerTimeSummary {
  const accs = new Map<Line, Accumulator>(LINES.map((line) => [line, newAccumulator()]));
  for (const row of rows) {
    const acc = accs.get(row.line);
    if (!acc) continue; // not a line we measure
    acc.total += row.count;
    if (row.waitSeconds !== null) {
      acc.answered += row.count;
      if (row.withinTarget) acc.withinTarget += row.count;
      const s = Math.max(0, row.waitSeconds);
      if (s < HISTOGRAM_SECONDS) acc.perSecond[s] = (acc.perSecond[s] ?? 0) + row.count;
      else acc.overflow.set(s, (acc.overflow.get(s) ?? 0) + row.count);
    } else if (row.abandoned) {
      acc.abandoned += row.count;
    } else {
      acc.ringing += row.count;
    }
  }

  const result = {} as AnswerTimeSummary;
  for (const line of LINES) {
    const acc = accs.get(line) ?? newAccumulator();
    const target = answerTarget(line);
    const judged = acc.answered + acc.abandoned;
    const share = judged === 0 ? null : acc.withinTarget / judged;
    result[line] = {
      line,
      target,
      total: acc.total,
      answered: acc.answered,
      abandoned: acc.abandoned,
      ringing: acc.ringing,
      withinTarget: acc.withinTarget,
      shareWithinTarget: share,
      medianSeconds: median(acc),
      meetsTarget: share === null || share >= target.targetShare,
      histogram: displayHistogram(acc),
    };
  }
  return result;
}

/** One call at a time (a live console, a test fixture). */
export function summariseAnswerTimes(calls: Iterable<CallTiming>): AnswerTimeSummary {
  function* counted(): Generator<AnswerTimeCount> {
    const one: AnswerTimeCount = { line: '113', waitSeconds: null, withinTarget: false, abandoned: false, count: 1 };
    for (const call of calls) {
      one.line = call.line;
      one.abandoned = call.abandoned;
      if (call.answeredAt === null) {
        one.waitSeconds = null;
        one.withinTarget = false;
      } else {
        // Clock skew between CTI and server can make this slightly negative; a wait is never < 0.
        const waitMs = Math.max(0, call.answeredAt - call.ringingAt);
        one.waitSeconds = Math.floor(waitMs / 1000);
        one.withinTarget = waitMs <= answerTarget(call.line).withinSeconds * 1000;
      }
      yield one;
    }
  }
  return summariseAnswerTimeCounts(counted());
}
