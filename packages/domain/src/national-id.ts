// Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer) as registered by
// Skatteetaten (Folkeregisteret): DDMMYY III K1 K2.
//   DDMMYY  birth date (D-nummer: day + 40; H-nummer: month + 40; synthetic test numbers
//           from Skatteetaten's Test-Norge/Tenor: month + 80)
//   III     individual number; with YY it gives the century, its last digit gives the sex
//   K1 K2   mod-11 check digits
// The number identifies a patient in the record; a wrong digit means the wrong patient, so
// both check digits are always verified.
import { formatIsoDate, isValidCalendarDate } from './calendar.js';

export type NationalIdKind = 'FODSELSNUMMER' | 'D_NUMMER' | 'H_NUMMER';

export type NationalIdErrorCode = 'WRONG_LENGTH' | 'NOT_DIGITS' | 'INVALID_DATE' | 'INVALID_INDIVIDUAL_NUMBER' | 'WRONG_CHECK_DIGIT';

export interface NationalIdResult {
  valid: boolean;
  /** English code when invalid. */
  code?: NationalIdErrorCode;
  /** Norwegian reason when invalid, for the operator. */
  reason?: string;
  birthDate?: string;
  sex?: 'FEMALE' | 'MALE';
  kind?: NationalIdKind;
  /** A synthetic test number (month + 80); never a real person. */
  synthetic?: boolean;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The mod-11 check digit for the given digits, or null when the remainder gives 10 (no valid number). */
function mod11CheckDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/**
 * The full birth year from the two-digit year and the individual number, per Skatteetaten's
 * allocation: 000–499 → 1900–1999; 500–749 with YY ≥ 54 → 1854–1899; 500–999 with YY ≤ 39 →
 * 2000–2039; 900–999 with YY ≥ 40 → 1940–1999. Other combinations are never issued.
 */
export function birthYearFromIndividualNumber(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

function invalid(code: NationalIdErrorCode, reason: string): NationalIdResult {
  return { valid: false, code, reason };
}

/** Validates a fødselsnummer, D-nummer or H-nummer. Spaces are ignored ("010190 12345"). */
export function validateNationalId(input: string): NationalIdResult {
  const s = input.replace(/\s+/g, '');
  if (s.length !== 11) return invalid('WRONG_LENGTH', `Fødselsnummeret må ha 11 siffer, men har ${s.length}.`);
  if (!/^\d{11}$/.test(s)) return invalid('NOT_DIGITS', 'Fødselsnummeret kan bare inneholde siffer.');

  const d = Array.from(s, Number);
  const at = (i: number): number => d[i] ?? 0;
  let day = at(0) * 10 + at(1);
  let month = at(2) * 10 + at(3);
  const yy = at(4) * 10 + at(5);
  const individual = at(6) * 100 + at(7) * 10 + at(8);

  let kind: NationalIdKind = 'FODSELSNUMMER';
  let synthetic = false;
  if (day > 40) {
    kind = 'D_NUMMER';
    day -= 40;
  }
  if (month > 80) {
    synthetic = true;
    month -= 80;
  } else if (month > 40) {
    if (kind === 'D_NUMMER') return invalid('INVALID_DATE', 'Ugyldig fødselsdato: både dag og måned er forskjøvet.');
    kind = 'H_NUMMER';
    month -= 40;
  }

  const year = birthYearFromIndividualNumber(yy, individual);
  if (year === null) {
    return invalid('INVALID_INDIVIDUAL_NUMBER', `Individnummer ${s.slice(6, 9)} er ikke tildelt for årstall ${s.slice(4, 6)}.`);
  }
  if (!isValidCalendarDate(year, month, day)) {
    return invalid('INVALID_DATE', `Ugyldig fødselsdato i fødselsnummeret (${s.slice(0, 6)}).`);
  }

  const k1 = mod11CheckDigit(d, K1_WEIGHTS);
  const k2 = k1 === null ? null : mod11CheckDigit(d, K2_WEIGHTS);
  if (k1 === null || k1 !== at(9) || k2 === null || k2 !== at(10)) {
    return invalid('WRONG_CHECK_DIGIT', 'Kontrollsifrene stemmer ikke. Sjekk at fødselsnummeret er skrevet riktig.');
  }

  return {
    valid: true,
    birthDate: formatIsoDate(year, month, day),
    // The third digit of the individual number: even = female, odd = male.
    sex: at(8) % 2 === 0 ? 'FEMALE' : 'MALE',
    kind,
    synthetic,
  };
}

/**
 * Hides the personal part of a national id for logs and lists: '01019012345' → '010190*****'.
 * Anything that is not 11 digits is masked entirely, so a mistyped number never leaks.
 */
export function maskNationalId(input: string): string {
  const s = input.replace(/\s+/g, '');
  if (!/^\d{11}$/.test(s)) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}*****`;
}
