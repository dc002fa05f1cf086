// Login sessions: a random token in an httpOnly cookie; only its sha256 is stored.
import { Prisma, type Db } from '@amk/db';
import { forbidden, unauthorized } from '../lib/http-error.js';
import type { UserActor } from './actor.js';
import { dummyHashPromise, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './tokens.js';

export const SESSION_COOKIE = 'amk_session';
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionOptions {
  ttlHours: number;
  production: boolean;
}

const userInclude = { centre: true } as const;

function toActor(user: {
  id: string;
  username: string;
  displayName: string;
  role: UserActor['role'];
  locale: string;
  centre: UserActor['centre'];
}): UserActor {
  const { id, code, name, kind, lat, lon } = user.centre;
  return {
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

    async login(username: string, password: string): Promise<{ token: string; actor: UserActor; expiresAt: Date }> {
      const user = await prisma.user.findUnique({ where: { username }, include: userInclude });
      // Verify even for an unknown user, so timing does not tell which usernames exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHashPromise));
      if (!user || !ok || user.disabledAt) throw unauthorized('auth.wrongPassword');
      if (options.production && user.isDemo) {
        throw forbidden('auth.demoDisabled');
      }
      const token = randomToken();
      const expiresAt = new Date(Date.now() + ttlMs);
      await prisma.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
      return { token, actor: toActor(user), expiresAt };
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
      if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await prisma.session
          .update({ where: { tokenHash: session.tokenHash }, data: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMs) } })
          .catch(() => {}); // a failed touch must not fail the request
      }
      return toActor(session.user);
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
        RETURNING s."tokenHash"`;
      return new Set(rows.map((r) => r.tokenHash));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
