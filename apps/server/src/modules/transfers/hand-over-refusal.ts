// Why a hand-over is refused (the domain's verdict), as a catalogue message in the reader's language.
import type { HandOverRefusal } from '@amk/domain';
import { badRequest } from '../../lib/http-error.js';

export function handOverRefusal(refusal: HandOverRefusal) {
  switch (refusal.code) {
    case 'SAME_CENTRE':
      return badRequest('transfer.sameCentre', { centre: refusal.to });
    case 'NOT_ALLOWED':
      return badRequest('transfer.notAllowed', {
        from: { code: `transfer.kind.${refusal.fromKind}` },
        to: { code: `transfer.kind.${refusal.toKind}` },
      });
    case 'KOMMUNE_UNKNOWN':
      return badRequest('transfer.kommuneUnknown', { basis: refusal.basis });
    case 'KOMMUNE_NOT_COVERED': {
      const where = { centre: refusal.to, kommune: refusal.kommunenummer, basis: refusal.basis };
      return refusal.right.length
        ? badRequest('transfer.kommuneNotCovered', { ...where, right: refusal.right.join(', ') })
        : badRequest('transfer.kommuneNotCoveredByAny', where);
    }
  }
}
