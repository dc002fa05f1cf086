// What an akutthjelper without the responder page answers by SMS. The alert asks for JA or NEI;
// on the way they may answer FRAM when they are there. People type on the move: case, spaces,
// punctuation and the common English and Norwegian variants are all understood; anything else
// is not guessed at.
export type SmsReplyAction = 'accept' | 'decline' | 'arrived';

const WORDS: Readonly<Record<string, SmsReplyAction>> = {
  ja: 'accept',
  j: 'accept',
  jepp: 'accept',
  ok: 'accept',
  yes: 'accept',
  y: 'accept',
  kommer: 'accept',
  nei: 'decline',
  n: 'decline',
  no: 'decline',
  fram: 'arrived',
  frem: 'arrived',
  framme: 'arrived',
  fremme: 'arrived',
  ankommet: 'arrived',
  arrived: 'arrived',
  here: 'arrived',
};

/** The action the first word of a reply asks for, or null when it is not one we know. */
export function parseSmsReply(text: string): SmsReplyAction | null {
  const first =
    text
      .trim()
      .toLowerCase()
      .split(/[^a-zæøå]+/u)
      .find(Boolean) ?? '';
  return WORDS[first] ?? null;
}

/** The alert SMS: the event and distance, and how to answer. No address before accepting. */
export function alertSmsText(eventLabel: string, distanceM: number | null): string {
  const km = distanceM !== null ? ` ca. ${(distanceM / 1000).toFixed(1).replace('.', ',')} km unna` : '';
  return `AMK akutthjelper: ${eventLabel}${km}. Svar JA hvis du rykker ut, NEI hvis du ikke kan.`;
}

/** The answer to a reply that does not fit where the alert stands. */
export const SMS_OUT_OF_TURN = {
  arrivedBeforeAccept: 'AMK: Svar JA først, og FRAM når du er på stedet.',
  declineAfterAccept: 'AMK: Du har svart JA. Ring AMK hvis du likevel ikke kan.',
  acceptAfterDecline: 'AMK: Du har svart NEI. Ring AMK hvis du likevel kan rykke ut.',
} as const;

/** The answer to a reply: the place after accepting, and what to send next. */
export function smsReplyText(
  action: SmsReplyAction | null,
  place: { addressText: string | null; lat: number; lon: number } | null,
): string {
  switch (action) {
    case 'accept':
      return place
        ? `Takk! Sted: ${place.addressText ?? 'se kart'} – https://www.openstreetmap.org/?mlat=${place.lat.toFixed(5)}&mlon=${place.lon.toFixed(5)}#map=17/${place.lat.toFixed(5)}/${place.lon.toFixed(5)} . Svar FRAM når du er på stedet.`
        : 'Takk! AMK ringer deg med stedet. Svar FRAM når du er på stedet.';
    case 'decline':
      return 'Takk for svar. Du er ikke med på dette oppdraget.';
    case 'arrived':
      return 'Registrert: du er på stedet. AMK er varslet.';
    default:
      return 'Svar JA hvis du rykker ut, NEI hvis du ikke kan, eller FRAM når du er på stedet.';
  }
}

/**
 * A test of the members' phones sent by the organisation's leader: marked ØVELSE/TEST first, so
 * nobody turns out, and never counted (it is not an alert).
 */
export function testAlertSmsText(organisationName: string): string {
  return `ØVELSE/TEST fra ${organisationName}: test av akutthjelpervarslingen. Ingen utrykning. Svar JA når du har lest denne.`;
}

/** The answer to any reply to a test alert. */
export const TEST_REPLY_TEXT = 'ØVELSE/TEST: Takk, svaret ditt er registrert. Ingen utrykning.';

/**
 * A "bistand helse" / "bistand kommune" request to an organisation, through its members' phones:
 * marked as bistand and as not an akutthjelper mission (the guide keeps the two apart), with what
 * is asked; the details come by phone once someone confirms.
 */
export function bistandSmsText(kind: 'HELSE' | 'KOMMUNE', centreName: string, reason: string): string {
  const what = reason.replace(/\s+/g, ' ').trim();
  const short = what.length > 300 ? `${what.slice(0, 299)}…` : what;
  return `BISTAND ${kind} – ikke akutthjelperoppdrag. ${centreName} ber om bistand: ${short}. Svar JA for å bekrefte, så ringer vi deg.`;
}

/** The answer to a member who confirmed a bistand request (or answered after someone else did). */
export const BISTAND_REPLY_TEXT = {
  confirmed: 'BISTAND: Takk, bekreftet. Sentralen ringer deg.',
  alreadyConfirmed: 'BISTAND: Takk. Forespørselen er allerede bekreftet; sentralen tar kontakt ved behov.',
  notUnderstood: 'BISTAND: Svar JA for å bekrefte forespørselen.',
} as const;
