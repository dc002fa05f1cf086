// Backup centres and takeovers (forskrift om akuttmedisin § 15 p reserve solutions for AMK, § 12 d
// alternative answering points for 116117): while a centre cannot work (evacuation, outage), a
// designated backup centre answers its lines and works its open calls, missions and units on its
// behalf. Calls stay the taken-over centre's (its answer times, its records); every action is
// audited under that centre, naming the backup it came from.
import { z } from 'zod';
import { IsoTime, Uuid } from './common.js';

const CentreBrief = z.object({ id: Uuid, code: z.string(), name: z.string() });

/** What the backup did on the taken-over centre's behalf, counted from the audit log when it ends. */
export const TakeoverWork = z.object({
  /** audited actions done on its behalf */
  actions: z.number().int().nonnegative(),
  /** the taken-over centre's calls that rang while it lasted */
  callsReceived: z.number().int().nonnegative(),
  /** distinct calls the backup read or changed */
  callsWorked: z.number().int().nonnegative(),
  missionsCreated: z.number().int().nonnegative(),
  byAction: z.array(z.object({ action: z.string(), count: z.number().int().nonnegative() })),
});
export type TakeoverWork = z.infer<typeof TakeoverWork>;

export const TakeoverSummary = z.object({
  id: Uuid,
  /** the centre whose work is taken over */
  centre: CentreBrief,
  /** the centre doing it */
  backupCentre: CentreBrief,
  reason: z.string(),
  startedAt: IsoTime,
  startedBy: z.string(),
  endsAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  endedBy: z.string().nullable(),
  /** set when it ended: handed back with the lines */
  work: TakeoverWork.nullable(),
});
export type TakeoverSummary = z.infer<typeof TakeoverSummary>;

export const StartTakeoverRequest = z.object({
  reason: z.string().trim().min(1, 'say why the centre is taken over').max(1000),
  endsAt: IsoTime.optional().describe('planned end; the takeover ends by itself then (at most 7 days ahead)'),
  backupCentre: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .optional()
    .describe("the backup centre's code: needed when the centre's own supervisor hands over before evacuating"),
});
export type StartTakeoverRequest = z.infer<typeof StartTakeoverRequest>;

export const CentreCodeParams = z.object({ code: z.string().trim().min(1).max(50) });
export const TakeoverList = z.object({
  takeovers: z.array(TakeoverSummary),
  /** centres that have designated mine as their backup: the ones I may take over */
  canTakeOver: z.array(CentreBrief),
  /** my centre's designated backups: the ones I may hand over to */
  backupCentres: z.array(CentreBrief),
});
export type TakeoverList = z.infer<typeof TakeoverList>;

export const CentreBackups = z.object({
  centre: CentreBrief,
  backupCentres: z.array(CentreBrief),
});
export type CentreBackups = z.infer<typeof CentreBackups>;
export const SetCentreBackupsRequest = z.object({
  backupCentres: z.array(z.string().trim().min(1).max(50)).max(10).describe('codes of the centres that may take this one over'),
});

/** The header a console sends to act for a centre it has taken over (one request at a time). */
export const ACTING_CENTRE_HEADER = 'x-acting-centre';
