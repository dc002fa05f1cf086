// The OIDC_PROVIDERS setting: a JSON list of identity providers, checked at start so a missing
// client id or a malformed key fails loudly. The demo runs with none.
import { z } from 'zod';

const ClientAuth = z.discriminatedUnion('method', [
  // HelseID's profile: the client signs a JWT with its private key (RFC 7523); no shared secret.
  z.object({ method: z.literal('private_key_jwt'), privateJwk: z.record(z.string(), z.unknown()) }),
  // A hospital directory (Entra ID, AD FS): a client secret sent with HTTP Basic.
  z.object({ method: z.literal('client_secret_basic'), secret: z.string().min(1) }),
]);

export const OidcProviderSettings = z.object({
  /** In URLs (/api/v1/auth/oidc/<id>/start) and in the claim mappings: lower-case letters, digits, dashes. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id: lower-case letters, digits and dashes, at most 40'),
  /** What the login page's button says, e.g. "HelseID". */
  label: z.string().min(1).max(60),
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientAuth: ClientAuth,
  scopes: z.string().default('openid profile'),
  /** Claim names: where the provider puts the person's name and HPR number. */
  claims: z
    .object({
      name: z.string().default('name'),
      hpr: z.string().default('helseid://claims/hpr/hpr_number'),
      /** The claim the mapping table's entries look in when they name none (groups, roles …). */
      groups: z.string().default('groups'),
    })
    .prefault({}),
  /**
   * How long a sign-in at the provider lasts (its SSO session lifetime, in seconds): a session
   * here never outlives it, counted from when the person signed in there (auth_time). Unset:
   * the product's own session lifetime alone.
   */
  sessionMaxSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .optional(),
  /**
   * DPoP (RFC 9449, sender-constrained tokens), as HelseID's security profile asks: the token
   * request carries a proof signed with a key pair made for this sign-in, so a leaked access
   * token is useless without that key. A provider that binds its client's tokens refuses a
   * token request without one.
   */
  dpop: z.boolean().default(false),
});
export type OidcProviderSettings = z.infer<typeof OidcProviderSettings>;

/** The environment variable: unset or a JSON array of OidcProviderSettings with distinct ids. */
export const OidcProvidersSetting = z
  .string()
  .optional()
  .transform((raw, ctx): unknown => {
    if (!raw?.trim()) return [];
    try {
      return JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'OIDC_PROVIDERS must be a JSON array of providers' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(OidcProviderSettings)
      .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'OIDC_PROVIDERS: two providers have the same id'),
  );
