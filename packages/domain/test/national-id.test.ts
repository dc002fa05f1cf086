import { describe, it, expect } from 'vitest';
import { maskNationalId, validateNationalId } from '../src/index.js';

// Check digits below were computed by hand from the mod-11 weights
// (K1: 3 7 6 1 8 9 4 5 2, K2: 5 4 3 2 7 6 5 4 3 2), independently of the implementation.
describe('validateNationalId — valid numbers', () => {
  it.each([
    // number, birthDate, sex, kind, synthetic
    ['01019012480', '1990-01-01', 'FEMALE', 'FODSELSNUMMER', false], // individual 124: 000–499 → 1900s; 4 even → female
    ['01019011182', '1990-01-01', 'MALE', 'FODSELSNUMMER', false], // individual 111: 1 odd → male
    ['15058900181', '1989-05-15', 'MALE', 'FODSELSNUMMER', false],
    ['31129949980', '1999-12-31', 'MALE', 'FODSELSNUMMER', false], // 499: last of the 1900 range
    ['29020050088', '2000-02-29', 'FEMALE', 'FODSELSNUMMER', false], // 500 with YY 00 → 2000, a leap year
    ['17051750063', '2017-05-17', 'FEMALE', 'FODSELSNUMMER', false],
    ['01016090073', '1960-01-01', 'FEMALE', 'FODSELSNUMMER', false], // 900–999 with YY ≥ 40 → 1900s
    ['01015560041', '1855-01-01', 'FEMALE', 'FODSELSNUMMER', false], // 500–749 with YY ≥ 54 → 1800s
    ['45108012440', '1980-10-05', 'FEMALE', 'D_NUMMER', false], // day 45 = 5 + 40
    ['01508012302', '1980-10-01', 'MALE', 'H_NUMMER', false], // month 50 = 10 + 40
    ['01500080082', '2000-10-01', 'FEMALE', 'H_NUMMER', false],
    ['01908012395', '1980-10-01', 'MALE', 'FODSELSNUMMER', true], // month 90 = 10 + 80: Test-Norge synthetic
    ['41908012389', '1980-10-01', 'MALE', 'D_NUMMER', true], // synthetic D-number
    ['010190 11182', '1990-01-01', 'MALE', 'FODSELSNUMMER', false], // spaces ignored
  ] as const)('%s → %s %s %s synthetic=%s', (id, birthDate, sex, kind, synthetic) => {
    expect(validateNationalId(id)).toEqual({ valid: true, birthDate, sex, kind, synthetic });
  });
});

describe('validateNationalId — invalid numbers', () => {
  it.each([
    ['0101901248', 'WRONG_LENGTH'],
    ['010190124800', 'WRONG_LENGTH'],
    ['', 'WRONG_LENGTH'],
    ['0101901248O', 'NOT_DIGITS'], // letter O instead of zero
    ['01019O12480', 'NOT_DIGITS'],
    ['01019012481', 'WRONG_CHECK_DIGIT'], // K2 off by one
    ['01019012470', 'WRONG_CHECK_DIGIT'], // K1 off by one
    ['01019011183', 'WRONG_CHECK_DIGIT'],
    ['29029949954', 'INVALID_DATE'], // 29 Feb 1999 (not a leap year) — check digits are right
    ['32019012351', 'INVALID_DATE'], // day 32
    ['01139012328', 'INVALID_DATE'], // month 13
    ['31049012392', 'INVALID_DATE'], // 31 April
    ['00019012480', 'INVALID_DATE'], // day 0
    ['01015080082', 'INVALID_INDIVIDUAL_NUMBER'], // 800 with YY 50: never issued
    ['01504080095', 'INVALID_INDIVIDUAL_NUMBER'],
  ])('%s → %s', (id, code) => {
    const r = validateNationalId(id);
    expect(r.valid).toBe(false);
    expect(r.code).toBe(code);
    expect(r.reason).toMatch(/\S/);
    expect(r.birthDate).toBeUndefined();
  });
});

describe('maskNationalId', () => {
  it.each([
    ['01019012480', '010190*****'],
    ['010190 12480', '010190*****'],
    ['12345', '*****'], // not a national id: hide it all
    ['abcdefghijk', '***********'],
  ])('%s → %s', (input, masked) => {
    expect(maskNationalId(input)).toBe(masked);
  });
});
