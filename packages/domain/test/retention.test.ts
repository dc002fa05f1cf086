import { describe, it, expect } from 'vitest';
import { HOLD_REASONS, HOLD_REASON_LABELS, addYears, deleteAfterDate, mayDelete, norwegianDate } from '../src/index.js';

describe('norwegianDate (Europe/Oslo)', () => {
  it.each([
    ['summer, after midnight in Oslo', '2026-06-15T22:30:00Z', '2026-06-16'],
    ['summer, before midnight in Oslo', '2026-06-15T21:59:59Z', '2026-06-15'],
    ['winter, after midnight in Oslo', '2026-01-10T23:30:00Z', '2026-01-11'],
    ['winter, 23:59:59 in Oslo', '2026-01-10T22:59:59Z', '2026-01-10'],
    ['winter, midnight in Oslo', '2026-01-10T23:00:00Z', '2026-01-11'],
    // Summer time starts on the last Sunday of March (29 March 2026) at 01:00 UTC.
    ['just before spring forward', '2026-03-29T00:59:59Z', '2026-03-29'],
    ['just after spring forward', '2026-03-29T01:00:00Z', '2026-03-29'],
    ['midnight before spring forward is still CET', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['23:59:59 CEST on the day of spring forward', '2026-03-29T21:59:59Z', '2026-03-29'],
    ['midnight CEST the day after', '2026-03-29T22:00:00Z', '2026-03-30'],
    // Summer time ends on the last Sunday of October (25 October 2026) at 01:00 UTC.
    ['midnight CEST before fall back', '2026-10-24T22:00:00Z', '2026-10-25'],
    ['just before fall back', '2026-10-25T00:59:59Z', '2026-10-25'],
    ['just after fall back', '2026-10-25T01:00:00Z', '2026-10-25'],
    ['23:59:59 CET on the day of fall back', '2026-10-25T22:59:59Z', '2026-10-25'],
    ['midnight CET the day after', '2026-10-25T23:00:00Z', '2026-10-26'],
    ["New Year's Eve in UTC, New Year in Oslo", '2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s: %s → %s', (_name, instant, date) => {
    expect(norwegianDate(new Date(instant))).toBe(date);
  });
});

describe('deleteAfterDate (§ 20: three years after the recording date)', () => {
  it.each([
    ['2026-06-15T22:30:00Z', '2029-06-16'], // recorded 16 June in Norway
    ['2026-01-10T23:30:00Z', '2029-01-11'],
    ['2026-01-10T22:59:59Z', '2029-01-10'],
    ['2026-03-29T01:00:00Z', '2029-03-29'],
    ['2026-10-25T01:00:00Z', '2029-10-25'],
    ['2028-02-29T12:00:00Z', '2031-03-01'], // 29 February → 1 March
    ['2028-02-28T23:30:00Z', '2031-03-01'], // already 29 February in Oslo
    ['2028-02-29T23:30:00Z', '2031-03-01'], // 1 March in Oslo
    ['2026-12-31T23:30:00Z', '2030-01-01'],
    ['2027-02-28T12:00:00Z', '2030-02-28'],
  ])('%s → %s', (instant, date) => {
    expect(deleteAfterDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['2028-02-29', 3, '2031-03-01'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2026-12-31', 3, '2029-12-31'],
  ])('addYears(%s, %i) → %s', (date, years, result) => {
    expect(addYears(date, years)).toBe(result);
  });
});

describe('mayDelete', () => {
  it.each([
    ['before the date', '2029-06-16', [], '2029-06-15', false],
    ['on the date', '2029-06-16', [], '2029-06-16', true],
    ['after the date', '2029-06-16', [], '2030-01-01', true],
    ['complaint hold', '2029-06-16', ['klage'], '2035-01-01', false],
    ['supervision hold as object', '2029-06-16', [{ reason: 'tilsyn' }], '2035-01-01', false],
    ['malformed today', '2029-06-16', [], '2035-13-01', false],
    ['malformed deleteAfter', '2029-02-30', [], '2035-01-01', false],
  ] as const)('%s → %s', (_name, deleteAfter, activeHolds, today, expected) => {
    expect(mayDelete({ deleteAfter, activeHolds }, today)).toBe(expected);
  });

  it('has a Norwegian label for each hold reason in § 20', () => {
    expect(HOLD_REASONS).toEqual(['tilsyn', 'klage', 'erstatning', 'annen_saksbehandling', 'dokumentasjonsverdi']);
    for (const r of HOLD_REASONS) expect(HOLD_REASON_LABELS[r]).toMatch(/\S/);
  });
});
