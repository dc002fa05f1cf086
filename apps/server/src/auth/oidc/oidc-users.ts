// Who a person signed in by an identity provider is here: their centre and role from the claim
// mapping table (an administrator keeps it; no role is typed in per person), found again by
// (provider, subject), with name and HPR number refreshed from the claims on every sign-in.
import type { Role } from '@amk/contracts';
import type { Db } from '@amk/db';
import { newId } from '../../lib/ids.js';
import { fail } from './oidc-errors.js';
import type { OidcProviderSettings } from './oidc-settings.js';

/** When several mappings match one person, the role with most rights wins (within one centre). */
const PRECEDENCE: readonly Role[] = ['admin', 'supervisor', 'amk_doctor', 'amk_operator', 'lv_operator', 'auditor', 'responder'];

type Claims = Record<string, unknown>;

/** A claim's values as strings: a single value, or each of a list (groups, roles). */
function valuesOf(claims: Claims, name: string): string[] {
  const v = claims[name];
  if (typeof v === 'string' || typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
  return [];
}

const firstString = (claims: Claims, name: string): string | null => valuesOf(claims, name)[0] ?? null;

/** The centre and role the claims map to; refused (403) when they map to none or to several centres. */
export async function mapClaims(prisma: Db, settings: OidcProviderSettings, claims: Claims): Promise<{ centreId: string; role: Role }> {
  const mappings = await prisma.oidcClaimMapping.findMany({ where: { providerId: settings.id } });
  const matched = mappings.filter((m) => valuesOf(claims, m.claim).includes(m.value));
  if (!matched.length) {
    throw fail(
      403,
      'unmapped',
      'Brukeren din hos identitetsleverandøren gir ingen sentral eller rolle her. Be administratoren ved sentralen din om å knytte gruppen din til en rolle.',
      'Your account at the identity provider maps to no centre or role here. Ask your centre’s administrator to map your group to a role.',
    );
  }
  const centres = new Set(matched.map((m) => m.centreId));
  if (centres.size > 1) {
    throw fail(
      403,
      'ambiguous_centre',
      'Brukeren din hos identitetsleverandøren gir roller ved flere sentraler; en bruker kan bare høre til én.',
      'Your account at the identity provider maps to roles at several centres; a user can belong to only one.',
    );
  }
  const role = PRECEDENCE.find((r) => matched.some((m) => m.role === r))!;
  return { centreId: matched[0]!.centreId, role };
}

/**
 * The user for this provider and subject, made on their first sign-in and brought up to date on
 * every later one (a person moved to another group changes role at their next sign-in).
 */
export async function upsertOidcUser(
  prisma: Db,
  settings: OidcProviderSettings,
  claims: Claims & { sub: string },
  mapped: { centreId: string; role: Role },
): Promise<{ id: string; disabled: boolean }> {
  const displayName = firstString(claims, settings.claims.name) ?? firstString(claims, 'preferred_username') ?? claims.sub;
  const hprNumber = firstString(claims, settings.claims.hpr);
  const data = { displayName: displayName.slice(0, 200), role: mapped.role, centreId: mapped.centreId, ...(hprNumber && { hprNumber }) };
  const existing = await prisma.user.findUnique({
    where: { oidcProvider_oidcSubject: { oidcProvider: settings.id, oidcSubject: claims.sub } },
  });
  if (existing) {
    await prisma.user.update({ where: { id: existing.id }, data });
    return { id: existing.id, disabled: existing.disabledAt !== null };
  }
  // The username is what the audit log shows: the provider's id and the person's login name there.
  const login = firstString(claims, 'preferred_username') ?? firstString(claims, 'email') ?? claims.sub;
  const wanted = `${settings.id}:${login}`.slice(0, 200);
  const taken = await prisma.user.findUnique({ where: { username: wanted } });
  const id = newId();
  await prisma.user.create({
    data: {
      id,
      username: taken ? `${settings.id}:${claims.sub}`.slice(0, 200) : wanted,
      passwordHash: '', // no password: this user signs in at the provider only
      oidcProvider: settings.id,
      oidcSubject: claims.sub,
      ...data,
    },
  });
  return { id, disabled: false };
}
