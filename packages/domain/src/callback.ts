// Tilbakeringing: a caller who hung up before anyone answered must be called back. Until an
// operator says how the callback went, the caller is on the centre's callback list.
import { samePhone } from './phone.js';

/**
 * How a callback ended. The first four are an operator's verdicts; ANSWERED is set by the system
 * when telephony's "answered" arrives late (the call was not lost after all).
 */
export const CALLBACK_OUTCOMES = ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'LINKED', 'ANSWERED'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** What an operator may choose: LINKED ties the lost call to a later call from the same number. */
export const OPERATOR_CALLBACK_OUTCOMES = ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'LINKED'] as const;
export type OperatorCallbackOutcome = (typeof OPERATOR_CALLBACK_OUTCOMES)[number];

interface CallFacts {
  id: string;
  centreId: string;
  callerNumber: string | null;
  ringingAt: Date;
}

/**
 * May the lost call be settled by linking it to `later`? Only a later call from the same number
 * at the same centre shows that the caller got through; anything else would hide a lost caller.
 * Returns null when allowed, otherwise which rule refused it (the server words it in the reader's
 * language) and the reason in Norwegian.
 */
export type CallbackLinkRefusal =
  | { code: 'SELF' | 'OTHER_CENTRE' | 'NOT_LATER'; reason: string }
  | { code: 'OTHER_NUMBER'; number: string | null; reason: string };

export function callbackLinkRefusal(lost: CallFacts, later: CallFacts): CallbackLinkRefusal | null {
  if (later.id === lost.id) return { code: 'SELF', reason: 'En tapt samtale kan ikke kobles til seg selv.' };
  if (later.centreId !== lost.centreId) return { code: 'OTHER_CENTRE', reason: 'Henvendelsen tilhører en annen sentral.' };
  if (!samePhone(lost.callerNumber, later.callerNumber)) {
    return {
      code: 'OTHER_NUMBER',
      number: lost.callerNumber,
      reason: `Henvendelsen kom ikke fra samme nummer (${lost.callerNumber ?? 'ukjent'}).`,
    };
  }
  if (later.ringingAt <= lost.ringingAt) return { code: 'NOT_LATER', reason: 'Henvendelsen kom ikke etter den tapte samtalen.' };
  return null;
}
