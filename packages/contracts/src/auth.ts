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

/** The identity providers the login page offers (OIDC_PROVIDERS); none in the demo. */
export const OidcProviderList = z.object({
  providers: z.array(z.object({ id: z.string(), label: z.string(), startUrl: z.string() })),
});
export type OidcProviderList = z.infer<typeof OidcProviderList>;

/** A row of the claim → centre + role table an administrator keeps for their centre. */
export const OidcClaimMapping = z.object({
  id: Uuid,
  providerId: z.string(),
  claim: z.string(),
  value: z.string(),
  role: Role,
  createdAt: z.string(),
});
export type OidcClaimMapping = z.infer<typeof OidcClaimMapping>;

export const NewOidcClaimMapping = z.object({
  providerId: z.string().trim().min(1, 'providerId is required').max(40),
  /** Empty: the provider's groups claim (its `claims.groups` setting). */
  claim: z.string().trim().max(200).optional(),
  value: z.string().trim().min(1, 'value is required').max(300),
  role: Role,
});
export type NewOidcClaimMapping = z.infer<typeof NewOidcClaimMapping>;

export const OidcClaimMappings = z.object({
  mappings: z.array(OidcClaimMapping),
  /** The providers configured on this server, with the claim a mapping uses when it names none. */
  providers: z.array(z.object({ id: z.string(), label: z.string(), groupsClaim: z.string() })),
});
export type OidcClaimMappings = z.infer<typeof OidcClaimMappings>;

/** An administrator opens a break-glass period for a local account (single sign-on in production). */
export const BreakGlassRequest = z.object({
  hours: z.number().int().min(1, 'at least 1 hour').max(72, 'at most 72 hours'),
  reason: z.string().trim().min(1, 'say why').max(500),
});
export type BreakGlassRequest = z.infer<typeof BreakGlassRequest>;

export const BreakGlassState = z.object({ userId: Uuid, until: z.string().nullable(), reason: z.string().nullable() });
export type BreakGlassState = z.infer<typeof BreakGlassState>;
