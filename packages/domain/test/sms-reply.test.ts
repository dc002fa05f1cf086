import { describe, expect, it } from 'vitest';
import { alertSmsText, bistandSmsText, parseSmsReply, smsReplyText, TEST_REPLY_TEXT, testAlertSmsText } from '../src/index.js';

describe('parseSmsReply', () => {
  it.each([
    ['JA', 'accept'],
    ['ja', 'accept'],
    [' Ja! ', 'accept'],
    ['ja, kommer', 'accept'],
    ['Yes', 'accept'],
    ['ok', 'accept'],
    ['NEI', 'decline'],
    ['nei, på jobb', 'decline'],
    ['no', 'decline'],
    ['FRAM', 'arrived'],
    ['fremme nå', 'arrived'],
    ['Ankommet', 'arrived'],
    ['', null],
    ['kanskje', null],
    ['hva skjer?', null],
    ['123', null],
    ['neida', null],
  ] as const)('%j → %s', (text, action) => {
    expect(parseSmsReply(text)).toBe(action);
  });
});

describe('the texts', () => {
  it('the alert says what and how far, never where, and how to answer', () => {
    expect(alertSmsText('Hjertestans', 1234)).toBe(
      'AMK akutthjelper: Hjertestans ca. 1,2 km unna. Svar JA hvis du rykker ut, NEI hvis du ikke kan.',
    );
    expect(alertSmsText('Stor ytre blødning', null)).not.toMatch(/km/);
  });
  it('the place only in the answer to JA', () => {
    expect(smsReplyText('accept', { addressText: 'Strandgaten 1, Bergen', lat: 60.3929, lon: 5.3241 })).toMatch(
      /^Takk! Sted: Strandgaten 1, Bergen .*mlat=60\.39290&mlon=5\.32410.* Svar FRAM/,
    );
    expect(smsReplyText('decline', { addressText: 'Strandgaten 1', lat: 60, lon: 5 })).not.toMatch(/Strandgaten/);
    expect(smsReplyText(null, null)).toMatch(/Svar JA/);
  });
});

describe('test alert texts', () => {
  it.each(['Norsk Folkehjelp Bergen', 'Bergen brannvesen'])('%s: marked ØVELSE/TEST first, says no turn-out, asks for JA', (org) => {
    const text = testAlertSmsText(org);
    expect(text.startsWith('ØVELSE/TEST')).toBe(true);
    expect(text).toContain(org);
    expect(text).toContain('Ingen utrykning');
    expect(text).toContain('Svar JA');
  });
  it('the answer to a reply is marked as test too', () => expect(TEST_REPLY_TEXT.startsWith('ØVELSE/TEST')).toBe(true));
});

describe('bistand request texts', () => {
  it.each([
    [
      'HELSE',
      'Bæring av pasient i terreng',
      'BISTAND HELSE – ikke akutthjelperoppdrag. AMK Bergen ber om bistand: Bæring av pasient i terreng.',
    ],
    ['KOMMUNE', '  Søk   etter  savnet ', 'BISTAND KOMMUNE – ikke akutthjelperoppdrag. AMK Bergen ber om bistand: Søk etter savnet.'],
  ] as const)('%s: marked as bistand, not akutthjelp', (kind, reason, start) => {
    const text = bistandSmsText(kind, 'AMK Bergen', reason);
    expect(text.startsWith(start)).toBe(true);
    expect(text).toContain('Svar JA');
  });
  it('keeps a long reason to one SMS-sized line', () => {
    expect(bistandSmsText('HELSE', 'AMK', 'x'.repeat(1000)).length).toBeLessThan(420);
  });
});
