// The read model every console of a centre sees of a call (contracts' CallSummary).
import type { CallSummary } from '@amk/contracts';
import type { Call } from '@amk/db';
import { iso } from '../../lib/iso.js';

export function toCallSummary(c: Call): CallSummary {
  return {
    id: c.id,
    centreId: c.centreId,
    externalId: c.externalId,
    line: c.line as CallSummary['line'],
    source: c.source,
    state: c.state,
    callerNumber: c.callerNumber,
    callerName: c.callerName,
    ringingAt: c.ringingAt.toISOString(),
    answeredAt: iso(c.answeredAt),
    endedAt: iso(c.endedAt),
    operatorId: c.operatorId,
    urgency: c.urgency,
    criterionCode: c.criterionCode,
    addressText: c.addressText,
    lat: c.lat,
    lon: c.lon,
    positionRadiusM: c.positionRadiusM,
    kommunenummer: c.kommunenummer,
    summary: c.summary,
    closedAt: iso(c.closedAt),
    updatedAt: c.updatedAt.toISOString(),
  };
}
