// Phone numbers arrive in several shapes for the same caller: "+47 912 34 567" from telephony,
// "4791234567" in an AML message, "91234567" typed by an operator. To match a caller's position to
// the call, compare them in one canonical form: digits only, with the country code.

const NORWAY = '47';

/** Canonical digits with country code, e.g. "4791234567"; null when it is not a phone number. */
export function canonicalPhone(input: string | null | undefined): string | null {
  if (!input) return null;
  let digits = input.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.length === 8) digits = NORWAY + digits; // a national Norwegian number
  return /^[0-9]{6,15}$/.test(digits) ? digits : null;
}

export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const ca = canonicalPhone(a);
  return ca !== null && ca === canonicalPhone(b);
}
