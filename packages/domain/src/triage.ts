// Norsk indeks for medisinsk nødhjelp (NIMN): criteria are coded `U.CC.NN` — urgency letter
// (A = akutt, H = haster, V = vanlig), two-digit chapter, two-digit criterion, e.g. A.06.01.
// The index gives the urgency, but the operator may judge otherwise (§ 13 c / § 15 c: the centre
// prioritises); a deviation must then be justified, so it can be followed up afterwards.
import { parseCsv } from './csv.js';
import type { Urgency } from './vocabulary.js';

export const CRITERION_CODE = /^[AHV]\.\d{2}\.\d{2}$/;

export interface CriterionCode {
  code: string;
  urgency: Urgency;
  chapter: number;
  criterion: number;
}

export type CriterionParseResult = ({ ok: true } & CriterionCode) | { ok: false; reason: string };

export function parseCriterionCode(input: string): CriterionParseResult {
  const code = input.trim();
  if (!CRITERION_CODE.test(code)) {
    return { ok: false, reason: `"${input}" is not a criterion code like A.06.01 (urgency A/H/V, two-digit chapter, two-digit criterion)` };
  }
  const [urgency, chapter, criterion] = code.split('.') as [Urgency, string, string];
  return { ok: true, code, urgency, chapter: Number(chapter), criterion: Number(criterion) };
}

/** The urgency the index gives a criterion, or null for a malformed code. */
export function urgencyFromCriterion(code: string): Urgency | null {
  const parsed = parseCriterionCode(code);
  return parsed.ok ? parsed.urgency : null;
}

export interface CriterionRow extends CriterionCode {
  chapterTitle: string;
  text: string;
}

export interface CriteriaCsvResult {
  rows: CriterionRow[];
  errors: { line: number; reason: string }[];
}

const COLUMNS = ['code', 'chapter', 'chapter_title', 'text'] as const;

/**
 * Reads the index from CSV with header `code;chapter;chapter_title;text` (';' or ',', quoted
 * fields, UTF-8 BOM). Bad rows are reported by line and skipped; good rows are still returned,
 * so one typo does not block an import of several hundred criteria.
 */
export function parseCriteriaCsv(text: string): CriteriaCsvResult {
  const csv = parseCsv(text);
  const errors = [...csv.errors];
  const rows: CriterionRow[] = [];
  const [header, ...records] = csv.records;
  if (!header) return { rows, errors: [...errors, { line: 1, reason: 'the file is empty' }] };

  const names = header.fields.map((f) => f.trim().toLowerCase());
  const position = {} as Record<(typeof COLUMNS)[number], number>;
  for (const column of COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) {
      errors.push({ line: header.line, reason: `the header has no column "${column}" (expected ${COLUMNS.join(';')})` });
      return { rows, errors };
    }
    position[column] = at;
  }

  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== names.length) {
      errors.push({ line: record.line, reason: `expected ${names.length} fields, found ${record.fields.length}` });
      continue;
    }
    const get = (column: (typeof COLUMNS)[number]): string => (record.fields[position[column]] ?? '').trim();
    const parsed = parseCriterionCode(get('code'));
    if (!parsed.ok) {
      errors.push({ line: record.line, reason: parsed.reason });
      continue;
    }
    const chapterText = get('chapter');
    if (!/^\d{1,2}$/.test(chapterText) || Number(chapterText) !== parsed.chapter) {
      errors.push({ line: record.line, reason: `chapter "${chapterText}" does not match the code ${parsed.code}` });
      continue;
    }
    if (get('text') === '') {
      errors.push({ line: record.line, reason: `criterion ${parsed.code} has no text` });
      continue;
    }
    const earlier = seen.get(parsed.code);
    if (earlier !== undefined) {
      errors.push({ line: record.line, reason: `${parsed.code} already appears on line ${earlier}` });
      continue;
    }
    seen.set(parsed.code, record.line);
    const { ok: _ok, ...code } = parsed;
    rows.push({ ...code, chapterTitle: get('chapter_title'), text: get('text') });
  }
  return { rows, errors };
}

export type UrgencyChangeResult =
  | { ok: true; changed: boolean; criterionUrgency: Urgency | null }
  | { ok: false; code: 'REASON_REQUIRED' | 'INVALID_CRITERION'; reason: string };

const URGENCY_WORD: Record<Urgency, string> = { A: 'akutt (rød)', H: 'haster (gul)', V: 'vanlig (grønn)' };

/**
 * Validates the operator's chosen urgency against the criterion's. Choosing another urgency than
 * the index gives is allowed, but only with a written reason. With no criterion chosen (e.g. an
 * advice call) there is nothing to deviate from.
 */
export function urgencyChange(fromCriterion: string | null, to: Urgency, reason?: string | null): UrgencyChangeResult {
  if (fromCriterion === null) return { ok: true, changed: false, criterionUrgency: null };
  const parsed = parseCriterionCode(fromCriterion);
  if (!parsed.ok) return { ok: false, code: 'INVALID_CRITERION', reason: `Ugyldig kriteriekode «${fromCriterion}».` };
  if (parsed.urgency === to) return { ok: true, changed: false, criterionUrgency: parsed.urgency };
  if (!reason || reason.trim() === '') {
    return {
      ok: false,
      code: 'REASON_REQUIRED',
      reason: `Kriterium ${parsed.code} gir hastegrad ${URGENCY_WORD[parsed.urgency]}. Skriv en begrunnelse for å sette ${URGENCY_WORD[to]}.`,
    };
  }
  return { ok: true, changed: true, criterionUrgency: parsed.urgency };
}
