import { z } from 'zod';
import { CentreRef } from './auth.js';
import { Uuid } from './common.js';
import { CallSummary } from './calls.js';
import { CallbackSummary } from './callbacks.js';
import { MissionSummary } from './missions.js';
import { NotificationSummary } from './notifications.js';
import { TakeoverSummary } from './takeovers.js';
import { UnitLoanSummary } from './mutual-aid.js';
import { TransferSummary } from './transfers.js';
import { StationSummary, UnitSummary } from './units.js';

/** Who a call's operatorId is: the console shows the name of whoever has taken a call. */
export const OperatorRef = z.object({ id: Uuid, displayName: z.string() });
export type OperatorRef = z.infer<typeof OperatorRef>;

/**
 * Everything a console needs to draw its screen, read in one transaction together with the
 * sequence number of the last event it includes. The console then connects with afterSeq = seq.
 */
export const Snapshot = z.object({
  seq: z.number().int().nonnegative(),
  centre: CentreRef,
  calls: z.array(CallSummary),
  units: z.array(UnitSummary),
  stations: z.array(StationSummary),
  /** Transfers my centre sent or received: pending, and answered in the last 12 hours. */
  transfers: z.array(TransferSummary),
  /** Notifications on my open calls. */
  notifications: z.array(NotificationSummary),
  /** My centre's open missions. */
  missions: z.array(MissionSummary),
  /** Lost callers of my centre not yet called back (tilbakeringing). */
  callbacks: z.array(CallbackSummary).optional(),
  /** The people of my centre who can own a call (operators, doctors, supervisors). */
  operators: z.array(OperatorRef).optional(),
  /**
   * Open takeovers my centre is in (§ 15 p): as backup, the taken-over centre's calls, missions,
   * units, transfers, notifications and callbacks are in the lists above too, under its centreId.
   */
  takeovers: z.array(TakeoverSummary).optional(),
  /**
   * Mutual aid my centre is in, either side (§ 10 d): asked for or lent, and answered in the last
   * 12 hours. Units lent to my centre are in `units` too.
   */
  unitLoans: z.array(UnitLoanSummary).optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;
