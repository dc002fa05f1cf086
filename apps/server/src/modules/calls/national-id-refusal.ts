// Why a fødselsnummer was refused, as a catalogue message: the domain check says which rule failed
// (its code), the message says it in the reader's language without repeating the number.
import type { NationalIdErrorCode } from '@amk/domain';
import { badRequest } from '../../lib/http-error.js';

export function nationalIdRefusal(code: NationalIdErrorCode | undefined, length: number) {
  switch (code) {
    case 'WRONG_LENGTH':
      return badRequest('nationalId.wrongLength', { n: length });
    case 'NOT_DIGITS':
      return badRequest('nationalId.notDigits');
    case 'INVALID_DATE':
      return badRequest('nationalId.invalidDate');
    case 'INVALID_INDIVIDUAL_NUMBER':
      return badRequest('nationalId.invalidIndividualNumber');
    default:
      return badRequest('nationalId.wrongCheckDigit');
  }
}
