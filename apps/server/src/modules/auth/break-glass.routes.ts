// Break-glass local accounts (issue 18): with single sign-on configured in production, a local
// account may sign in with its password only during a period an administrator of its centre opens
// with a reason (at most 72 hours), or until they close it. Opening, closing and every sign-in
// during the period are audited.
import { ApiError, BreakGlassRequest, BreakGlassState, Uuid } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, unprocessableEntity } from '../../lib/http-error.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import { writeAudit } from '../audit/audit.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 422: ApiError } as const;
const Params = z.object({ id: Uuid });

export const breakGlassRoutes =
  (deps: { prisma: Db; sessionsEnd: (userId: string) => Promise<void> }): FastifyPluginAsyncZod =>
  async (app) => {
    /** A local account of the admin's own centre (another centre's is "not found"). */
    const localUser = async (centreId: string, id: string) => {
      const user = await deps.prisma.user.findFirst({ where: { id, centreId } });
      if (!user) throw notFound('user.notAtYourCentre');
      if (user.oidcProvider) throw unprocessableEntity('breakGlass.notLocal');
      return user;
    };

    app.put(
      '/admin/users/:id/break-glass',
      {
        schema: {
          tags: ['auth'],
          summary: 'Open a break-glass period for a local account (password sign-in while single sign-on is in use)',
          params: Params,
          body: BreakGlassRequest,
          response: { 200: BreakGlassState, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => {
        const admin = userOf(request);
        const user = await localUser(admin.centre.id, request.params.id);
        const until = new Date(Date.now() + request.body.hours * 3_600_000);
        await deps.prisma.user.update({ where: { id: user.id }, data: { breakGlassUntil: until, breakGlassReason: request.body.reason } });
        await writeAudit(deps.prisma, admin, {
          action: 'user.break_glass_open',
          entityType: 'User',
          entityId: user.id,
          detail: { username: user.username, until: until.toISOString(), reason: request.body.reason },
          ip: request.ip,
        });
        return { userId: user.id, until: until.toISOString(), reason: request.body.reason };
      },
    );

    app.delete(
      '/admin/users/:id/break-glass',
      {
        schema: {
          tags: ['auth'],
          summary: "Close a local account's break-glass period; its sessions end",
          params: Params,
          response: { 200: BreakGlassState, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => {
        const admin = userOf(request);
        const user = await localUser(admin.centre.id, request.params.id);
        await deps.prisma.user.update({ where: { id: user.id }, data: { breakGlassUntil: null, breakGlassReason: null } });
        await deps.sessionsEnd(user.id);
        await writeAudit(deps.prisma, admin, {
          action: 'user.break_glass_close',
          entityType: 'User',
          entityId: user.id,
          detail: { username: user.username },
          ip: request.ip,
        });
        return { userId: user.id, until: null, reason: null };
      },
    );
  };
