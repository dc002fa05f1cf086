// Reading the audit log: who read or changed patient data. Supervisors and administrators see
// their own centre's entries; an auditor sees every centre's.
import { ApiError, AuditEntry, AuditQuery } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';
import { auditSubjects } from './audit-subjects.js';

export const auditRoutes =
  (deps: { prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first',
          querystring: AuditQuery,
          response: { 200: z.object({ entries: z.array(AuditEntry) }), 400: ApiError, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(['supervisor', 'admin', 'auditor']),
      },
      async (request) => {
        const actor = userOf(request);
        const rows = await deps.prisma.auditLog.findMany({
          where: {
            ...(actor.role === 'auditor' ? {} : { centreId: actor.centre.id }),
            ...(request.query.entityId && { entityId: request.query.entityId }),
            ...(request.query.action && { action: request.query.action }),
          },
          orderBy: { id: 'desc' },
          take: request.query.limit,
        });
        const subjects = await auditSubjects(deps.prisma, rows);
        return {
          entries: rows.map((r) => ({
            id: String(r.id),
            at: r.at.toISOString(),
            actorKind: r.actorKind,
            actorName: r.actorName,
            centreId: r.centreId,
            action: r.action,
            entityType: r.entityType,
            entityId: r.entityId,
            subject: subjects.get(`${r.entityType}:${r.entityId}`) ?? null,
            ip: r.ip,
          })),
        };
      },
    );
  };
