import { z } from 'zod';
import { CentreKind, Role, Uuid } from './common.js';

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CentreRef = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: CentreKind,
  lat: z.number(),
  lon: z.number(),
});
export type CentreRef = z.infer<typeof CentreRef>;

export const Me = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  locale: z.string(),
  centre: CentreRef,
});
export type Me = z.infer<typeof Me>;

/** What an audit row is about, in words (never patient data): a name, and/or a call's line and a time. */
export const AuditSubject = z.object({
  name: z.string().nullable(),
  line: z.string().nullable(),
  at: z.string().nullable(),
});
export type AuditSubject = z.infer<typeof AuditSubject>;
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorKind: z.string(),
  actorName: z.string(),
  centreId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Null when the record is gone or is of a kind without a readable name. */
  subject: AuditSubject.nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.object({
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
