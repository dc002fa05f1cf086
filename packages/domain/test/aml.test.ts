import { describe, it, expect } from 'vitest';
import { parseAmlHttps, parseAmlSms } from '../src/index.js';

// A real-format AML SMS; ml=128 is the length of the whole message (counted by hand).
const SMS =
  'A"ML=1;lt=+60.39290;lg=+5.32410;rd=12;top=20261122091500;lc=68;pm=G;si=123456789012345;ei=1234567890123456;mcc=242;mnc=01;ml=128';

/** Replaces one field and recomputes ml so only that field is wrong. */
function withField(name: string, value: string | null): string {
  const parts = SMS.split(';').filter((p) => !p.startsWith('ml='));
  const replaced = parts
    .map((p) => (p.startsWith(`${name}=`) ? (value === null ? null : `${name}=${value}`) : p))
    .filter((p): p is string => p !== null)
    .join(';');
  const base = `${replaced};ml=`;
  let len = base.length + 2;
  while (String(len).length + base.length !== len) len++;
  return `${base}${len}`;
}

describe('parseAmlSms — accepted', () => {
  it('parses every field of a real-format message', () => {
    expect(SMS.length).toBe(128);
    expect(parseAmlSms(SMS, '+4791234567')).toEqual({
      ok: true,
      position: { lat: 60.3929, lon: 5.3241, radiusM: 12, at: new Date('2026-11-22T09:15:00Z'), method: 'GNSS', confidencePct: 68 },
      msisdn: '+4791234567',
      imsi: '123456789012345',
      imei: '1234567890123456',
    });
  });

  it.each([
    ['pm', 'W', 'WIFI'],
    ['pm', 'C', 'CELL'],
    ['pm', 'X', 'UNKNOWN'],
    ['pm', null, 'UNKNOWN'],
  ] as const)('%s=%s → method %s', (field, value, method) => {
    const r = parseAmlSms(withField(field, value));
    expect(r.ok && r.position.method).toBe(method);
  });

  it.each([
    ['lt', '-33.8688', { lat: -33.8688 }],
    ['lg', '-4.26881', { lon: -4.26881 }],
    ['lt', '90', { lat: 90 }],
    ['rd', '0', { radiusM: 0 }],
    ['top', '20280229235959', { at: new Date('2028-02-29T23:59:59Z') }],
  ] as const)('%s=%s', (field, value, expected) => {
    const r = parseAmlSms(withField(field, value));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.position).toMatchObject(expected);
  });

  it('accepts a message without ml, lc, si, ei', () => {
    const r = parseAmlSms('A"ML=1;lt=+59.91270;lg=+10.74610;rd=30;top=20260101000000;pm=W');
    expect(r).toEqual({
      ok: true,
      position: { lat: 59.9127, lon: 10.7461, radiusM: 30, at: new Date('2026-01-01T00:00:00Z'), method: 'WIFI' },
    });
  });
});

describe('parseAmlSms — rejected', () => {
  it.each([
    ['missing header', SMS.replace('A"ML=1;', ''), /header/],
    ['not AML at all', 'Hei, jeg trenger hjelp', /header/],
    ['wrong ml (124)', SMS.replace('ml=128', 'ml=124'), /^ml is 124 but the message is 128/],
    ['lt missing', withField('lt', null), /^lt is missing/],
    ['lg missing', withField('lg', null), /^lg is missing/],
    ['top missing', withField('top', null), /^top is missing/],
    ['rd missing', withField('rd', null), /^rd is missing/],
    ['lat > 90', withField('lt', '+91.2'), /^lt is not a latitude: \+91\.2$/],
    ['lat text', withField('lt', 'abc'), /^lt is not a latitude: abc$/],
    ['lon > 180', withField('lg', '+180.5'), /^lg is not a longitude: \+180\.5$/],
    ['negative radius', withField('rd', '-5'), /^rd is a negative radius: -5$/],
    ['30 February', withField('top', '20260230120000'), /^top is not a real date/],
    ['hour 24', withField('top', '20261122240000'), /^top is not a real date/],
    ['short top', withField('top', '202611220915'), /^top is not a time/],
    ['pm=N (no position)', withField('pm', 'N'), /^pm is N/],
    ['lc > 100', withField('lc', '101'), /^lc is not a percentage/],
    ['IMSI with letters', withField('si', '24201ABC'), /^si is not digits/],
  ])('%s', (_name, text, reason) => {
    const r = parseAmlSms(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

const HTTPS: Record<string, string> = {
  v: '3',
  device_number: '+4791234567',
  location_latitude: '60.39290',
  location_longitude: '5.32410',
  location_accuracy: '14.5',
  location_time: '1795338900000', // 2026-11-22T09:15:00Z in ms
  location_source: 'gps',
  location_confidence: '68',
  device_imei: '1234567890123456',
  device_imsi: '242011234567890',
};

describe('parseAmlHttps', () => {
  it('parses a real-format ELS POST', () => {
    expect(parseAmlHttps(HTTPS)).toEqual({
      ok: true,
      position: { lat: 60.3929, lon: 5.3241, radiusM: 14.5, at: new Date('2026-11-22T09:15:00Z'), method: 'GNSS', confidencePct: 68 },
      msisdn: '+4791234567',
      imsi: '242011234567890',
      imei: '1234567890123456',
    });
  });

  it.each([
    ['location_source', 'wifi', { method: 'WIFI' }],
    ['location_source', 'cell', { method: 'CELL' }],
    ['location_source', 'fused', { method: 'FUSED' }],
    ['location_source', 'GPS', { method: 'GNSS' }],
    ['location_source', 'bluetooth', { method: 'UNKNOWN' }],
    ['location_time', '2026-11-22T10:15:00+01:00', { at: new Date('2026-11-22T09:15:00Z') }],
    ['location_time', '2026-11-22T09:15:00.250Z', { at: new Date('2026-11-22T09:15:00.250Z') }],
  ] as const)('%s=%s', (field, value, expected) => {
    const r = parseAmlHttps({ ...HTTPS, [field]: value });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.position).toMatchObject(expected);
  });

  it.each([
    ['no version', { v: undefined }, /^v \(version\) is missing/],
    ['no latitude', { location_latitude: undefined }, /^location_latitude is missing/],
    ['no longitude', { location_longitude: '' }, /^location_longitude is missing/],
    ['no time', { location_time: undefined }, /^location_time is missing/],
    ['latitude out of range', { location_latitude: '-90.5' }, /^location_latitude is not a latitude: -90\.5/],
    ['longitude out of range', { location_longitude: '200' }, /^location_longitude is not a longitude: 200/],
    ['negative accuracy', { location_accuracy: '-1' }, /^location_accuracy is a negative radius/],
    ['impossible ISO date', { location_time: '2026-02-30T10:00:00Z' }, /^location_time is not a real date/],
    ['time without zone', { location_time: '2026-11-22T09:15:00' }, /^location_time is neither/],
  ])('rejects %s', (_name, change, reason) => {
    const fields: Record<string, string> = { ...HTTPS };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete fields[k];
      else fields[k] = v;
    }
    const r = parseAmlHttps(fields);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
