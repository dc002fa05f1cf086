// The date and time fields hand the forms ISO text and take it back: what the forms held before
// (YYYY-MM-DD, HH:MM) must survive the round trip, and nothing that is not a real day or time may
// turn into another one.
import { describe, expect, it } from 'vitest';
import { dateFromIso, isoFromDate, isoFromTime, timeFromIso } from '../src/lib/iso-date-time.js';

describe('dates', () => {
  it('a YYYY-MM-DD comes back as it went in', () => {
    for (const day of ['2026-12-24', '2026-01-01', '2024-02-29', '2026-03-29', '2026-10-25']) {
      expect(isoFromDate(dateFromIso(day))).toBe(day);
    }
    expect(dateFromIso('2026-12-24')).toMatchObject({ year: 2026, month: 12, day: 24 });
  });

  it('an empty field is an empty string both ways', () => {
    expect(dateFromIso('')).toBeNull();
    expect(dateFromIso(undefined)).toBeNull();
    expect(isoFromDate(null)).toBe('');
  });

  it('a day that does not exist is no date rather than a neighbouring one', () => {
    for (const bad of ['2026-02-29', '2026-02-31', '2026-13-01', '2026-00-10', '2026-04-00', '24.12.2026', '2026-1-5']) {
      expect(dateFromIso(bad)).toBeNull();
    }
  });
});

describe('times', () => {
  it('an HH:MM comes back as it went in, on a 24-hour clock with leading zeros', () => {
    for (const at of ['00:00', '08:05', '16:00', '23:59']) expect(isoFromTime(timeFromIso(at))).toBe(at);
    expect(timeFromIso('16:30')).toMatchObject({ hour: 16, minute: 30 });
  });

  it('an empty field is an empty string both ways', () => {
    expect(timeFromIso('')).toBeNull();
    expect(isoFromTime(null)).toBe('');
  });

  it('a time that is not a time of day is none', () => {
    for (const bad of ['24:00', '12:60', '4:30 PM', '1600', '16.00']) expect(timeFromIso(bad)).toBeNull();
  });
});
