// Finding a criterion of the index by what the operator types: a code ("A.06.01", "a0601",
// "06.01") or words from the chapter and text ("bryst smerte"). Exact codes first, then codes
// that begin with what was typed, then word matches; within each, in code order.
import type { TriageCriterion } from '@amk/contracts';

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
const compact = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const looksLikeCode = (q: string) => /^[ahv]?[\d.\s]*$/i.test(q) && /\d/.test(q);

function rank(c: TriageCriterion, query: string, words: string[]): number | null {
  const code = compact(c.code);
  const q = compact(query);
  if (looksLikeCode(query)) {
    if (code === q) return 0;
    if (code.startsWith(q)) return 1;
    if (code.slice(1).startsWith(q)) return 2; // "06.01" without the urgency letter
    return null;
  }
  const haystack = fold(`${c.code} ${c.chapterTitle} ${c.text}`);
  return words.every((w) => haystack.includes(w)) ? 3 : null;
}

export function searchCriteria(list: TriageCriterion[], query: string, limit = 8): TriageCriterion[] {
  const q = query.trim();
  if (!q) return [];
  const words = fold(q).split(/\s+/).filter(Boolean);
  return list
    .map((c) => ({ c, r: rank(c, q, words) }))
    .filter((x): x is { c: TriageCriterion; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || a.c.code.localeCompare(b.c.code))
    .slice(0, limit)
    .map((x) => x.c);
}

/** The criterion whose code was typed in full, in any case. */
export function criterionByCode(list: TriageCriterion[], typed: string): TriageCriterion | undefined {
  const q = typed.trim().toUpperCase();
  return q ? list.find((c) => c.code.toUpperCase() === q) : undefined;
}
