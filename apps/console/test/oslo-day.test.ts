// Indicator periods are whole days in Norwegian time, both ends included, across summer time.
import { describe, expect, it } from 'vitest';
import { bucketLabel } from '../src/indicators/histogram-rows.js';
import { addDays, norwegianDate } from '@amk/domain';
import { osloDayStart, osloOffsetMs, osloPeriod } from '../src/lib/oslo-calendar.js';

describe('Oslo days', () => {
  it.each([
    ['2025-02-10', '2025-02-09T23:00:00.000Z'], // winter, UTC+1
    ['2025-07-01', '2025-06-30T22:00:00.000Z'], // summer, UTC+2
    ['2025-03-30', '2025-03-29T23:00:00.000Z'], // clocks go forward at 02:00 this day
    ['2025-03-31', '2025-03-30T22:00:00.000Z'],
    ['2025-10-26', '2025-10-25T22:00:00.000Z'], // clocks go back at 03:00 this day
    ['2025-10-27', '2025-10-26T23:00:00.000Z'],
    ['2024-12-31', '2024-12-30T23:00:00.000Z'],
  ])('%s starts at %s', (day, start) => {
    expect(osloDayStart(day).toISOString()).toBe(start);
  });

  it('a period includes the "to" day: from its start to the start of the day after', () => {
    expect(osloPeriod('2025-03-01', '2025-03-31')).toEqual({ from: '2025-02-28T23:00:00.000Z', to: '2025-03-31T22:00:00.000Z' });
    expect(osloPeriod('2025-02-10', '2025-02-10')).toEqual({ from: '2025-02-09T23:00:00.000Z', to: '2025-02-10T23:00:00.000Z' });
  });

  it('knows the next day across months and years, and the offset in each season', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(osloOffsetMs(Date.parse('2025-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(osloOffsetMs(Date.parse('2025-08-15T12:00:00Z'))).toBe(7_200_000);
  });

  it("today is Oslo's date, not UTC's, just after midnight", () => {
    expect(norwegianDate(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(addDays(norwegianDate(new Date('2025-01-01T10:00:00Z')), -30)).toBe('2024-12-02');
  });
});

describe('answer-time buckets', () => {
  it('are labelled in seconds, minutes from two minutes, the last open-ended', () => {
    expect(bucketLabel(0, 5)).toBe('0 s – 5 s');
    expect(bucketLabel(60, 120)).toBe('60 s – 2 min');
    expect(bucketLabel(600, null)).toBe('≥ 10 min');
  });
});
