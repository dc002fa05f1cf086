// CSV written for spreadsheets: formula-like text is neutralised (CSV injection), quoting is right,
// and what we read back with parseCsv is what was meant.
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../src/index.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klikk")', `"'=HYPERLINK(""http://evil.example"",""klikk"")"`],
    ['=1+1', "'=1+1"],
    ['+4791234567', "'+4791234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['Brystsmerter', 'Brystsmerter'],
    ['a;b', '"a;b"'],
    ['sa "hei"', '"sa ""hei"""'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes numbers we computed as numbers, negative ones included, and null as empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('an indicators table with an imported criterion title beginning with = reads back as inert text', () => {
    const rows = [
      { kapittel: 6, tittel: "=cmd|' /C calc'!A0", samtaler: 3 },
      { kapittel: 10, tittel: 'Brystsmerter', samtaler: -1 },
    ];
    const csv = toCsv(rows);
    const parsed = parseCsv(csv, ';');
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ['kapittel', 'tittel', 'samtaler'],
      ['6', "'=cmd|' /C calc'!A0", '3'],
      ['10', 'Brystsmerter', '-1'],
    ]);
    for (const record of parsed.records) for (const field of record.fields) expect(field).not.toMatch(/^[=+@\t\r]/);
  });

  it('is empty for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
