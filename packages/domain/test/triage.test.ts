import { describe, it, expect } from 'vitest';
import { parseCriteriaCsv, parseCriterionCode, parseCsv, urgencyChange, urgencyFromCriterion } from '../src/index.js';

describe('parseCriterionCode', () => {
  it.each([
    ['A.06.01', 'A', 6, 1],
    ['H.10.12', 'H', 10, 12],
    ['V.41.99', 'V', 41, 99],
    [' A.06.01 ', 'A', 6, 1],
  ] as const)('%s → %s chapter %i criterion %i', (code, urgency, chapter, criterion) => {
    expect(parseCriterionCode(code)).toEqual({ ok: true, code: code.trim(), urgency, chapter, criterion });
    expect(urgencyFromCriterion(code)).toBe(urgency);
  });

  it.each(['', 'A.6.01', 'A.06.1', 'R.06.01', 'a.06.01', 'A-06-01', 'A.06.01.02', 'A0601', 'A.06.0x'])('rejects %j', (code) => {
    const r = parseCriterionCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('A.06.01');
    expect(urgencyFromCriterion(code)).toBeNull();
  });
});

describe('parseCsv', () => {
  it.each([
    [
      'semicolons',
      'a;b\n1;2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'commas',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted separator',
      'a;b\n"x;y";2',
      [
        ['a', 'b'],
        ['x;y', '2'],
      ],
    ],
    [
      'doubled quote',
      'a;b\n"say ""hi""";2',
      [
        ['a', 'b'],
        ['say "hi"', '2'],
      ],
    ],
    [
      'newline in quotes',
      'a;b\n"line1\nline2";2',
      [
        ['a', 'b'],
        ['line1\nline2', '2'],
      ],
    ],
    [
      'BOM',
      '\uFEFFa;b\n1;2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'blank lines skipped',
      'a;b\n\n1;2\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'empty fields',
      'a;b;c\n;;',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseCsv(text).records.map((r) => r.fields)).toEqual(expected);
  });

  it('numbers records by the physical line they start on', () => {
    expect(parseCsv('a;b\n"x\ny";1\nz;2').records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('a;b\n"oops;1').errors).toEqual([{ line: 2, reason: 'a quoted field is never closed' }]);
  });
});

describe('parseCriteriaCsv', () => {
  const good = [
    '\uFEFFcode;chapter;chapter_title;text',
    'A.06.01;06;Brystsmerter;Pågående brystsmerter',
    'H.06.02;6;Brystsmerter;"Brystsmerter; nå smertefri"',
    'V.06.03;06;Brystsmerter;"Uklare brystsmerter,',
    'lang tekst over to linjer"',
  ].join('\r\n');

  it('reads semicolon CSV with BOM, quoted separators and multi-line fields', () => {
    const r = parseCriteriaCsv(good);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { code: 'A.06.01', urgency: 'A', chapter: 6, criterion: 1, chapterTitle: 'Brystsmerter', text: 'Pågående brystsmerter' },
      { code: 'H.06.02', urgency: 'H', chapter: 6, criterion: 2, chapterTitle: 'Brystsmerter', text: 'Brystsmerter; nå smertefri' },
      {
        code: 'V.06.03',
        urgency: 'V',
        chapter: 6,
        criterion: 3,
        chapterTitle: 'Brystsmerter',
        text: 'Uklare brystsmerter,\r\nlang tekst over to linjer',
      },
    ]);
  });

  it('reads comma CSV with the columns in another order', () => {
    const r = parseCriteriaCsv('text,code,chapter,chapter_title\n"Bevisstløs, puster ikke normalt",A.01.01,01,Hjertestans\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { code: 'A.01.01', urgency: 'A', chapter: 1, criterion: 1, chapterTitle: 'Hjertestans', text: 'Bevisstløs, puster ikke normalt' },
    ]);
  });

  it('reports bad rows by line and keeps the good ones', () => {
    const text = [
      'code;chapter;chapter_title;text', // 1
      'A.06.01;06;Brystsmerter;Pågående brystsmerter', // 2
      'X.06.02;06;Brystsmerter;Ugyldig hastegrad', // 3
      'H.06.03;07;Brystsmerter;Feil kapittel', // 4
      'H.06.04;06;Brystsmerter', // 5: too few fields
      'A.06.01;06;Brystsmerter;Duplikat', // 6
      'V.06.05;06;Brystsmerter;', // 7: no text
      'V.06.06;06;Brystsmerter;OK', // 8
    ].join('\n');
    const r = parseCriteriaCsv(text);
    expect(r.rows.map((x) => x.code)).toEqual(['A.06.01', 'V.06.06']);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(r.errors[1]?.reason).toContain('chapter "07"');
    expect(r.errors[3]?.reason).toContain('line 2');
  });

  it.each([
    ['empty file', '', /empty/],
    ['missing column', 'code;chapter;text\nA.06.01;06;x', /"chapter_title"/],
  ])('rejects %s', (_name, text, reason) => {
    const r = parseCriteriaCsv(text);
    expect(r.rows).toEqual([]);
    expect(r.errors[0]?.reason).toMatch(reason);
  });
});

describe('urgencyChange', () => {
  it.each([
    ['same urgency, no reason needed', 'A.06.01', 'A', undefined, { ok: true, changed: false, criterionUrgency: 'A' }],
    ['downgrade with reason', 'A.06.01', 'H', 'Smertefri, normale vitale tegn', { ok: true, changed: true, criterionUrgency: 'A' }],
    ['upgrade with reason', 'V.06.03', 'A', 'Operatørens skjønn: blek og klam', { ok: true, changed: true, criterionUrgency: 'V' }],
    ['downgrade without reason', 'A.06.01', 'H', undefined, { ok: false, code: 'REASON_REQUIRED' }],
    ['downgrade with blank reason', 'A.06.01', 'V', '   ', { ok: false, code: 'REASON_REQUIRED' }],
    ['downgrade with null reason', 'H.06.02', 'V', null, { ok: false, code: 'REASON_REQUIRED' }],
    ['no criterion chosen', null, 'V', undefined, { ok: true, changed: false, criterionUrgency: null }],
    ['malformed criterion', 'A.6.1', 'A', 'x', { ok: false, code: 'INVALID_CRITERION' }],
  ] as const)('%s', (_name, from, to, reason, expected) => {
    expect(urgencyChange(from, to, reason)).toMatchObject(expected);
  });

  it('says in Norwegian what the criterion gives', () => {
    const r = urgencyChange('A.06.01', 'V');
    expect(!r.ok && r.reason).toBe('Kriterium A.06.01 gir hastegrad akutt (rød). Skriv en begrunnelse for å sette vanlig (grønn).');
  });
});
