// Mutual aid between centres (forskrift om akuttmedisin § 10 d: the ambulance service helps across
// areas; § 15 i: AMK keeps the overview of the resources, its own and its neighbours'). A centre
// asks a neighbour for one of its units for a call or a mission; the owning centre accepts or
// declines. While lent, the unit works the borrower's mission and both centres see it; it returns
// to its owner when released there.
import { UNIT_LOAN_STATES } from '@amk/domain';
import { z } from 'zod';
import { IsoTime, UnitKind, Uuid } from './common.js';

const CentreBrief = z.object({ id: Uuid, code: z.string(), name: z.string() });

export const UnitLoanState = z.enum(UNIT_LOAN_STATES);
export type UnitLoanState = z.infer<typeof UnitLoanState>;

export const UnitLoanSummary = z.object({
  id: Uuid,
  unit: z.object({ id: Uuid, callSign: z.string(), kind: UnitKind }),
  /** the centre the unit belongs to */
  owner: CentreBrief,
  /** the centre that asked for it */
  borrower: CentreBrief,
  callId: Uuid.nullable(),
  /** the borrower's mission the unit is (or was) on; set on acceptance */
  missionId: Uuid.nullable(),
  note: z.string().nullable(),
  state: UnitLoanState,
  requestedAt: IsoTime,
  requestedBy: z.string(),
  decidedAt: IsoTime.nullable(),
  decidedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  returnedAt: IsoTime.nullable(),
  returnReason: z.string().nullable(),
});
export type UnitLoanSummary = z.infer<typeof UnitLoanSummary>;

export const RequestMutualAid = z.object({
  unitId: Uuid,
  /** the call the unit is wanted for: on acceptance it joins the call's open mission, or a new one */
  callId: Uuid,
  /**
   * the mission of that call to put it on, chosen by the client (a new id: made on acceptance, as
   * POST /missions would); left out: the call's open mission, or a new one
   */
  missionId: Uuid.optional(),
  note: z.string().trim().max(500).optional(),
});
export type RequestMutualAid = z.infer<typeof RequestMutualAid>;

export const DeclineMutualAid = z.object({ reason: z.string().trim().min(1, 'say why').max(500) });
export const LoanIdParams = z.object({ loanId: Uuid });
export const UnitLoanList = z.object({ loans: z.array(UnitLoanSummary) });
