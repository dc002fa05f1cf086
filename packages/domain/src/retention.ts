// § 20: AMK and legevaktsentral sound recordings are part of the patient record, kept for three
// years after the recording date (opptaksdato) and then deleted — unless used in supervision,
// complaint or compensation cases, part of other case handling, or otherwise of documentary value.
// The recording date is the date in Norway (Europe/Oslo): a call at 00:30 Norwegian summer time
// on 16 June is recorded on 16 June even though it is still 15 June in UTC.
import { formatIsoDate, isLeapYear, norwegianDate, parseIsoDate } from './calendar.js';
import type { HoldReason, IsoDate } from './vocabulary.js';

export const RETENTION_YEARS = 3;

export const HOLD_REASON_LABELS: Readonly<Record<HoldReason, string>> = {
  tilsyn: 'Brukt i tilsynssak',
  klage: 'Brukt i klagesak',
  erstatning: 'Brukt i erstatningssak',
  annen_saksbehandling: 'Inngår i annen saksbehandling',
  dokumentasjonsverdi: 'Har verdi som dokumentasjon',
};

/** Same day and month `years` later; 29 February becomes 1 March when the target year has none. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a date: ${date}`);
  const year = p.year + years;
  if (p.month === 2 && p.day === 29 && !isLeapYear(year)) return formatIsoDate(year, 3, 1);
  return formatIsoDate(year, p.month, p.day);
}

/**
 * The first Norwegian calendar date on which the recording may be deleted: the recording date in
 * Norway + 3 years ("oppbevares i tre år etter opptaksdato og deretter slettes").
 */
export function deleteAfterDate(recordedAt: Date): IsoDate {
  return addYears(norwegianDate(recordedAt), RETENTION_YEARS);
}

export interface RetentionState {
  deleteAfter: IsoDate;
  /** Legal holds still in force; any hold stops deletion, whatever the date. */
  activeHolds: readonly (HoldReason | { reason: HoldReason })[];
}

/** Whether the purge job may delete the recording on `today` (a Norwegian date, 'YYYY-MM-DD'). */
export function mayDelete(state: RetentionState, today: IsoDate): boolean {
  if (state.activeHolds.length > 0) return false;
  // Refuse on malformed dates: deleting a patient record by mistake cannot be undone.
  if (!parseIsoDate(today) || !parseIsoDate(state.deleteAfter)) return false;
  return today >= state.deleteAfter;
}
