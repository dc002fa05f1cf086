import { ApiError, LoginRequest, Me } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, type SessionService, setSessionCookie } from '../../auth/sessions.service.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import { tooManyRequests } from '../../lib/http-error.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Db } from '@amk/db';

export const authRoutes =
  (deps: {
    sessions: SessionService;
    prisma: Db;
    secureCookies: boolean;
    loginsPerAddress: number;
    loginsPerUsername: number;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    // Logins per client address and minute, whatever the username: one address trying many
    // usernames (password spraying) is slowed down too. The address is the socket's, or the
    // client's as told by a proxy trusted in TRUST_PROXY.
    const perAddress = app.createRateLimit({
      max: deps.loginsPerAddress,
      timeWindow: '1 minute',
      keyGenerator: (request) => `login:${request.ip}`,
    });
    app.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], body: LoginRequest, response: { 200: Me, 400: ApiError, 401: ApiError, 403: ApiError, 429: ApiError } },
        onRequest: async (request) => {
          const limit = await perAddress(request);
          if (!limit.isAllowed && limit.isExceeded) {
            throw tooManyRequests(limit.ttlInSeconds, 'auth.tooManyLogins', { seconds: limit.ttlInSeconds });
          }
        },
        // Per username and address: guessing one password is slowed down, while a control room
        // where every operator logs in from behind one address is not locked out.
        config: {
          rateLimit: {
            max: deps.loginsPerUsername,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (request) =>
              `${request.ip}:${String((request.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
          },
        },
      },
      async (request, reply) => {
        const { token, actor, expiresAt, breakGlass } = await deps.sessions.login(request.body.username, request.body.password);
        await writeAudit(deps.prisma, actor, {
          action: breakGlass ? 'auth.break_glass_login' : 'auth.login',
          entityType: 'User',
          entityId: actor.userId,
          ip: request.ip,
        });
        setSessionCookie(reply, { token, expiresAt }, deps.secureCookies);
        return {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          role: actor.role,
          locale: actor.locale,
          centre: actor.centre,
        };
      },
    );

    app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
      await deps.sessions.logout(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], response: { 200: Me, 401: ApiError } }, preValidation: requireUser() },
      async (request) => {
        const a = userOf(request);
        return { id: a.userId, username: a.username, displayName: a.displayName, role: a.role, locale: a.locale, centre: a.centre };
      },
    );
  };
