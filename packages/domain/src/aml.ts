// Advanced Mobile Location (AML): the handset sends its own position to the emergency centre
// seconds after a 113 call starts (§ 12 e and § 15 k: the centres must be able to locate callers).
// Two transports carry it:
//   SMS   — ETSI TS 103 625 text body: A"ML=1;lt=…;lg=…;rd=…;top=…;lc=…;pm=…;si=…;ei=…;mcc=…;mnc=…;ml=…
//   HTTPS — Android Emergency Location Service (ELS) / EENA form fields: v=3&location_latitude=…
// A wrong position sends an ambulance to the wrong place, so a message that does not hold
// together is rejected with a reason that names the offending field, never half-used.
import { isValidCalendarDate } from './calendar.js';

export type PositioningMethod = 'GNSS' | 'WIFI' | 'CELL' | 'FUSED' | 'UNKNOWN';

export interface AmlPosition {
  lat: number;
  lon: number;
  /** Radius of the uncertainty circle, metres. */
  radiusM: number;
  /** When the handset determined the position. */
  at: Date;
  method: PositioningMethod;
  /** Confidence (%) that the caller is inside the circle. */
  confidencePct?: number;
}

export interface AmlSuccess {
  ok: true;
  position: AmlPosition;
  /** The caller's number (SMS sender, or device_number over HTTPS). */
  msisdn?: string;
  imsi?: string;
  imei?: string;
}

export interface AmlFailure {
  ok: false;
  /** English, names the field that is wrong, e.g. "lt is not a latitude: +91.2". */
  reason: string;
}

export type AmlResult = AmlSuccess | AmlFailure;

const SMS_HEADER = 'A"ML=';
/** Signed decimal degrees as AML writes them: '+60.39290', '-4.26881', '5.3'. */
const DECIMAL_DEGREES = /^[+-]?\d{1,3}(\.\d+)?$/;
const NON_NEGATIVE_NUMBER = /^\d+(\.\d+)?$/;
const DIGITS = /^\d+$/;

function fail(reason: string): AmlResult {
  return { ok: false, reason };
}

function parseLatitude(field: string, raw: string | undefined): number | string {
  if (raw === undefined || raw === '') return `${field} is missing`;
  const v = DECIMAL_DEGREES.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(v) || v < -90 || v > 90) return `${field} is not a latitude: ${raw}`;
  return v;
}

function parseLongitude(field: string, raw: string | undefined): number | string {
  if (raw === undefined || raw === '') return `${field} is missing`;
  const v = DECIMAL_DEGREES.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(v) || v < -180 || v > 180) return `${field} is not a longitude: ${raw}`;
  return v;
}

function parseRadius(field: string, raw: string | undefined): number | string {
  if (raw === undefined || raw === '') return `${field} is missing`;
  if (/^-/.test(raw)) return `${field} is a negative radius: ${raw}`;
  if (!NON_NEGATIVE_NUMBER.test(raw)) return `${field} is not a radius in metres: ${raw}`;
  return Number(raw);
}

function parseConfidence(field: string, raw: string | undefined): number | undefined | string {
  if (raw === undefined || raw === '') return undefined;
  const v = NON_NEGATIVE_NUMBER.test(raw) ? Number(raw) : NaN;
  if (!(v >= 0 && v <= 100)) return `${field} is not a percentage: ${raw}`;
  return v;
}

function parseIdentifier(field: string, raw: string | undefined): string | undefined | { error: string } {
  if (raw === undefined || raw === '') return undefined;
  if (!DIGITS.test(raw)) return { error: `${field} is not digits: ${raw}` };
  return raw;
}

/** AML 'top' (time of positioning): YYYYMMDDhhmmss in UTC. */
function parseTop(raw: string | undefined): Date | string {
  if (raw === undefined || raw === '') return 'top is missing';
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw);
  if (!m) return `top is not a time YYYYMMDDhhmmss: ${raw}`;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!isValidCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return `top is not a real date and time: ${raw}`;
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

function methodFromPm(pm: string | undefined): PositioningMethod {
  switch (pm) {
    case 'G':
      return 'GNSS';
    case 'W':
      return 'WIFI';
    case 'C':
      return 'CELL';
    // Unknown letters still come with a position; keep it, the method is only advisory.
    default:
      return 'UNKNOWN';
  }
}

/**
 * Parses an AML SMS body. `sender` is the originating number of the SMS (the body itself
 * does not carry the MSISDN).
 */
export function parseAmlSms(text: string, sender?: string): AmlResult {
  const body = text.trim();
  if (!body.startsWith(SMS_HEADER)) return fail('header A"ML= is missing');

  const fields = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return fail(`field without '=': ${part}`);
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }

  const version = fields.get('A"ML');
  if (version === undefined || !DIGITS.test(version)) return fail(`A"ML is not a version number: ${version ?? ''}`);

  // ml = length of the whole message including the ml field itself; a mismatch means the SMS
  // was truncated or concatenated wrongly, and then no field can be trusted.
  const ml = fields.get('ml');
  if (ml !== undefined) {
    if (!DIGITS.test(ml)) return fail(`ml is not a length: ${ml}`);
    if (Number(ml) !== body.length) return fail(`ml is ${ml} but the message is ${body.length} characters long`);
  }

  // pm=N: the handset had no position at all (it sends AML anyway, after the timeout).
  const pm = fields.get('pm');
  if (pm === 'N') return fail('pm is N: the handset had no position');

  const lat = parseLatitude('lt', fields.get('lt'));
  if (typeof lat === 'string') return fail(lat);
  const lon = parseLongitude('lg', fields.get('lg'));
  if (typeof lon === 'string') return fail(lon);
  const radiusM = parseRadius('rd', fields.get('rd'));
  if (typeof radiusM === 'string') return fail(radiusM);
  const at = parseTop(fields.get('top'));
  if (typeof at === 'string') return fail(at);
  const confidencePct = parseConfidence('lc', fields.get('lc'));
  if (typeof confidencePct === 'string') return fail(confidencePct);
  const imsi = parseIdentifier('si', fields.get('si'));
  if (typeof imsi === 'object') return fail(imsi.error);
  const imei = parseIdentifier('ei', fields.get('ei'));
  if (typeof imei === 'object') return fail(imei.error);

  const position: AmlPosition = { lat, lon, radiusM, at, method: methodFromPm(pm) };
  if (confidencePct !== undefined) position.confidencePct = confidencePct;
  const result: AmlSuccess = { ok: true, position };
  if (sender !== undefined && sender !== '') result.msisdn = sender;
  if (imsi !== undefined) result.imsi = imsi;
  if (imei !== undefined) result.imei = imei;
  return result;
}

function methodFromSource(source: string | undefined): PositioningMethod {
  switch (source?.toLowerCase()) {
    case 'gps':
    case 'gnss':
      return 'GNSS';
    case 'wifi':
      return 'WIFI';
    case 'cell':
      return 'CELL';
    case 'fused':
      return 'FUSED';
    default:
      return 'UNKNOWN';
  }
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** location_time: milliseconds since the epoch per the ELS spec; ISO 8601 with offset also accepted. */
function parseLocationTime(raw: string | undefined): Date | string {
  if (raw === undefined || raw === '') return 'location_time is missing';
  if (DIGITS.test(raw)) {
    const ms = Number(raw);
    const at = new Date(ms);
    if (!Number.isSafeInteger(ms) || Number.isNaN(at.getTime())) return `location_time is not a time: ${raw}`;
    return at;
  }
  const m = ISO_TIME.exec(raw);
  if (!m) return `location_time is neither epoch milliseconds nor an ISO time: ${raw}`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!isValidCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return `location_time is not a real date and time: ${raw}`;
  }
  return new Date(raw);
}

/** Parses the urlencoded fields of an AML HTTPS (ELS) POST, already decoded into a record. */
export function parseAmlHttps(fields: Record<string, string>): AmlResult {
  const get = (name: string): string | undefined => {
    const v = fields[name];
    return v === undefined ? undefined : v.trim();
  };
  if (get('v') === undefined) return fail('v (version) is missing');

  const lat = parseLatitude('location_latitude', get('location_latitude'));
  if (typeof lat === 'string') return fail(lat);
  const lon = parseLongitude('location_longitude', get('location_longitude'));
  if (typeof lon === 'string') return fail(lon);
  const radiusM = parseRadius('location_accuracy', get('location_accuracy'));
  if (typeof radiusM === 'string') return fail(radiusM);
  const at = parseLocationTime(get('location_time'));
  if (typeof at === 'string') return fail(at);
  const confidencePct = parseConfidence('location_confidence', get('location_confidence'));
  if (typeof confidencePct === 'string') return fail(confidencePct);
  const imsi = parseIdentifier('device_imsi', get('device_imsi'));
  if (typeof imsi === 'object') return fail(imsi.error);
  const imei = parseIdentifier('device_imei', get('device_imei'));
  if (typeof imei === 'object') return fail(imei.error);

  const position: AmlPosition = { lat, lon, radiusM, at, method: methodFromSource(get('location_source')) };
  if (confidencePct !== undefined) position.confidencePct = confidencePct;
  const result: AmlSuccess = { ok: true, position };
  const msisdn = get('device_number');
  if (msisdn !== undefined && msisdn !== '') result.msisdn = msisdn;
  if (imsi !== undefined) result.imsi = imsi;
  if (imei !== undefined) result.imei = imei;
  return result;
}
