// Login sessions: a random token in an httpOnly cookie; only its sha256 is stored.
import type { FastifyReply } from 'fastify';
import { Prisma, type Db } from '@amk/db';
import { forbidden, unauthorized } from '../lib/http-error.js';
import type { UserActor } from './actor.js';
import { dummyHashPromise, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'amk_session';

/** The session cookie both sign-ins (password and identity provider) set: HTTP-only, same-site, ending with the session. */
export function setSessionCookie(reply: FastifyReply, session: { token: string; expiresAt: Date }, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expiresAt });
}
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionOptions {
  ttlHours: number;
  production: boolean;
  /**
   * Single sign-on is configured in production: a local (password) account then signs in only
   * during a break-glass period an administrator opened, and its sessions end with the period.
   */
  localNeedsBreakGlass?: boolean;
}

/** A local account outside its break-glass period, where one is needed. */
const lockedOut = (user: { isDemo: boolean; oidcProvider: string | null; breakGlassUntil: Date | null }, now: number) =>
  !user.isDemo && user.oidcProvider === null && !(user.breakGlassUntil && user.breakGlassUntil.getTime() > now);

const userInclude = { centre: true } as const;

type SessionOidc = { oidcProvider: string | null; authTime: Date | null };

/** What an OpenID provider's sign-in tells about the session it makes (see auth/oidc). */
export interface OidcSessionInfo {
  provider: string;
  subject: string;
  sid: string | null;
  authTime: Date | null;
  /** When the person's sign-in at the provider ends (its session lifetime), if the provider's settings say. */
  providerSessionEndsAt?: Date | null;
}

function toActor(
  user: {
    id: string;
    username: string;
    displayName: string;
    role: UserActor['role'];
    locale: string;
    centre: UserActor['centre'];
  },
  session?: SessionOidc,
): UserActor {
  const { id, code, name, kind, lat, lon } = user.centre;
  return {
    ...(session?.oidcProvider && { oidc: { provider: session.oidcProvider, authTime: session.authTime } }),
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    centre: { id, code, name, kind, lat, lon },
  };
}

export function createSessionService(prisma: Db, options: SessionOptions) {
  const ttlMs = options.ttlHours * 3_600_000;
  const endedListeners = new Set<(tokenHash: string) => void>();

  return {
    ttlMs,

    async login(username: string, password: string): Promise<{ token: string; actor: UserActor; expiresAt: Date; breakGlass: boolean }> {
      const user = await prisma.user.findUnique({ where: { username }, include: userInclude });
      // Verify even for an unknown user, so timing does not tell which usernames exist.
      // A user of an OpenID provider has no password (an empty hash): checked against the dummy, so refused.
      const ok = await verifyPassword(password, user?.passwordHash || (await dummyHashPromise));
      if (!user || !ok || user.disabledAt) throw unauthorized('auth.wrongPassword');
      if (options.production && user.isDemo) {
        throw forbidden('auth.demoDisabled');
      }
      if (options.localNeedsBreakGlass && lockedOut(user, Date.now())) {
        throw forbidden('auth.breakGlassOnly');
      }
      const token = randomToken();
      // A break-glass session ends with its period at the latest.
      const until = options.localNeedsBreakGlass && user.breakGlassUntil ? user.breakGlassUntil.getTime() : Infinity;
      const expiresAt = new Date(Math.min(Date.now() + ttlMs, until));
      await prisma.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
      return { token, actor: toActor(user), expiresAt, breakGlass: Boolean(options.localNeedsBreakGlass && !user.isDemo) };
    },

    /** A session for a user an OpenID provider has just signed in (auth/oidc checked who they are). */
    async createForOidcUser(userId: string, oidc: OidcSessionInfo): Promise<{ token: string; actor: UserActor; expiresAt: Date }> {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: userInclude });
      const token = randomToken();
      // Never longer than the provider's own sign-in lasts, where the provider's setting says how long.
      const ownEnd = Date.now() + ttlMs;
      const providerEnd = oidc.providerSessionEndsAt?.getTime() ?? ownEnd;
      const expiresAt = new Date(Math.min(ownEnd, providerEnd));
      await prisma.session.create({
        data: {
          tokenHash: sha256(token),
          userId,
          expiresAt,
          oidcProvider: oidc.provider,
          oidcSubject: oidc.subject,
          oidcSid: oidc.sid,
          authTime: oidc.authTime,
        },
      });
      return { token, actor: toActor(user, { oidcProvider: oidc.provider, authTime: oidc.authTime }), expiresAt };
    },

    /**
     * Ends the sessions an OpenID provider's back-channel logout names: its session id (sid) or,
     * without one, every session of the subject. Their sockets close as on logout. Returns how many.
     */
    async endOidcSessions(provider: string, by: { sid?: string; subject?: string }): Promise<number> {
      const where = by.sid
        ? { oidcProvider: provider, oidcSid: by.sid, ...(by.subject && { oidcSubject: by.subject }) }
        : { oidcProvider: provider, oidcSubject: by.subject ?? '' };
      const ended = await prisma.session.findMany({ where, select: { tokenHash: true } });
      await prisma.session.deleteMany({ where: { tokenHash: { in: ended.map((s) => s.tokenHash) } } });
      for (const { tokenHash } of ended) for (const listener of endedListeners) listener(tokenHash);
      return ended.length;
    },

    /** Ends every session of a user (a closed break-glass period); their sockets close as on logout. */
    async endSessionsOfUser(userId: string): Promise<void> {
      const ended = await prisma.session.findMany({ where: { userId }, select: { tokenHash: true } });
      await prisma.session.deleteMany({ where: { tokenHash: { in: ended.map((s) => s.tokenHash) } } });
      for (const { tokenHash } of ended) for (const listener of endedListeners) listener(tokenHash);
    },

    /** The user behind a session cookie, or null when it is unknown or expired. Sliding expiry. */
    async authenticate(token: string | undefined): Promise<UserActor | null> {
      if (!token || token.length > 100) return null;
      const session = await prisma.session.findUnique({
        where: { tokenHash: sha256(token) },
        include: { user: { include: userInclude } },
      });
      const now = Date.now();
      if (!session || session.expiresAt.getTime() <= now || session.user.disabledAt) return null;
      if (options.production && session.user.isDemo) return null;
      if (options.localNeedsBreakGlass && lockedOut(session.user, now)) return null;
      if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await prisma.session
          .update({ where: { tokenHash: session.tokenHash }, data: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMs) } })
          .catch(() => {}); // a failed touch must not fail the request
      }
      return toActor(session.user, session);
    },

    async logout(token: string | undefined): Promise<void> {
      if (!token) return;
      const tokenHash = sha256(token);
      await prisma.session.deleteMany({ where: { tokenHash } });
      for (const listener of endedListeners) listener(tokenHash);
    },

    /** Called with the session's token hash when it is logged out on this instance. */
    onLoggedOut(listener: (tokenHash: string) => void): void {
      endedListeners.add(listener);
    },

    /**
     * Of these sessions (by token hash), the ones still valid, kept alive: a console that is
     * connected is in use, even when it only listens. The rest were logged out (on any
     * instance), expired or belong to a disabled user.
     */
    async keepAlive(tokenHashes: string[]): Promise<Set<string>> {
      if (!tokenHashes.length) return new Set();
      const now = new Date();
      const rows = await prisma.$queryRaw<{ tokenHash: string }[]>`
        UPDATE "Session" s SET "lastSeenAt" = ${now}, "expiresAt" = ${new Date(now.getTime() + ttlMs)}
        FROM "User" u
        WHERE s."userId" = u."id" AND s."tokenHash" = ANY(${tokenHashes}::text[]) AND s."expiresAt" > ${now}
          AND u."disabledAt" IS NULL ${options.production ? Prisma.sql`AND NOT u."isDemo"` : Prisma.empty}
          ${options.localNeedsBreakGlass ? Prisma.sql`AND (u."oidcProvider" IS NOT NULL OR u."breakGlassUntil" > ${now})` : Prisma.empty}
        RETURNING s."tokenHash"`;
      return new Set(rows.map((r) => r.tokenHash));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
