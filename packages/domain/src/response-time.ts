// Ambulance response time: from the call being answered at AMK to the first unit on scene.
// National guideline (not law; Stortinget's 2000 guideline, used as a quality indicator by
// Helsedirektoratet): 90 % of acute missions reached within 12 minutes in towns and 25 minutes
// in rural areas. The guideline is about acute (A) missions, so items with another urgency are
// left out; items without urgency are counted (the caller decides what to feed in).
import { SETTLEMENT_CLASSES, type SettlementClass, type Urgency } from './vocabulary.js';

export interface ResponseTarget {
  withinMinutes: number;
  targetShare: number;
}

export function responseTarget(settlementClass: SettlementClass): ResponseTarget {
  return { withinMinutes: settlementClass === 'TOWN' ? 12 : 25, targetShare: 0.9 };
}

export interface ResponseItem {
  /** ms since epoch the 113 call was answered. */
  answeredAt: number;
  /** ms since epoch the first unit reported ON_SCENE; null if no unit arrived (cancelled). */
  firstOnSceneAt: number | null;
  settlementClass: SettlementClass;
  urgency?: Urgency;
}

export interface ClassResponseSummary {
  settlementClass: SettlementClass;
  target: ResponseTarget;
  /** Acute missions with an arrival: the ones the guideline judges. */
  count: number;
  withinTarget: number;
  /** withinTarget ÷ count; null when count is 0. */
  share: number | null;
  medianMinutes: number | null;
  /** share ≥ 0.9. With nothing to judge nothing was missed, so true. */
  meetsTarget: boolean;
  /** Acute missions where no unit arrived (stood down); not judged. */
  noArrival: number;
  /** Items left out because their urgency is not A. */
  notAcute: number;
}

export type ResponseTimeSummary = Record<SettlementClass, ClassResponseSummary>;

function medianOf(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const hi = sorted[Math.floor(n / 2)] ?? 0;
  return n % 2 === 1 ? hi : ((sorted[n / 2 - 1] ?? 0) + hi) / 2;
}

export function summariseResponseTimes(items: Iterable<ResponseItem>): ResponseTimeSummary {
  const minutes: Record<SettlementClass, number[]> = { TOWN: [], RURAL: [] };
  const noArrival: Record<SettlementClass, number> = { TOWN: 0, RURAL: 0 };
  const notAcute: Record<SettlementClass, number> = { TOWN: 0, RURAL: 0 };

  for (const item of items) {
    const cls = item.settlementClass;
    if (item.urgency !== undefined && item.urgency !== 'A') notAcute[cls]++;
    else if (item.firstOnSceneAt === null) noArrival[cls]++;
    else minutes[cls].push(Math.max(0, item.firstOnSceneAt - item.answeredAt) / 60_000);
  }

  const result = {} as ResponseTimeSummary;
  for (const cls of SETTLEMENT_CLASSES) {
    const target = responseTarget(cls);
    const values = minutes[cls].sort((a, b) => a - b);
    // Exactly 12:00 is within 12 minutes.
    const withinTarget = values.filter((m) => m <= target.withinMinutes).length;
    const share = values.length === 0 ? null : withinTarget / values.length;
    result[cls] = {
      settlementClass: cls,
      target,
      count: values.length,
      withinTarget,
      share,
      medianMinutes: medianOf(values),
      meetsTarget: share === null || share >= target.targetShare,
      noArrival: noArrival[cls],
      notAcute: notAcute[cls],
    };
  }
  return result;
}
