// The town/rural class per kommune decides which response-time guideline applies (12 or 25
// minutes); a centre's administrator keeps it.
import { SETTLEMENT_CLASSES } from '@amk/domain';
import { ApiError } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';
import { writeAudit } from '../audit/audit.service.js';
import { notFound } from '../../lib/http-error.js';

const Kommune = z.object({ nummer: z.string(), navn: z.string(), settlementClass: z.enum(SETTLEMENT_CLASSES) });

export const kommunerRoutes =
  (deps: { prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/kommuner',
      {
        schema: {
          tags: ['centres'],
          summary: "My centre's kommuner with their town/rural class",
          response: { 200: z.object({ kommuner: z.array(Kommune) }), 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const centre = await deps.prisma.centre.findUniqueOrThrow({ where: { id: userOf(request).centre.id } });
        const rows = await deps.prisma.kommune.findMany({ where: { nummer: { in: centre.kommuner } }, orderBy: { navn: 'asc' } });
        return { kommuner: rows.map(({ nummer, navn, settlementClass }) => ({ nummer, navn, settlementClass })) };
      },
    );
    app.put(
      '/kommuner/:nummer/settlement-class',
      {
        schema: {
          tags: ['centres'],
          summary: 'Set whether a kommune counts as town (12 min) or rural (25 min)',
          params: z.object({ nummer: z.string().regex(/^\d{4}$/, 'a kommunenummer has four digits') }),
          body: z.object({ settlementClass: z.enum(SETTLEMENT_CLASSES) }),
          response: { 200: Kommune, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => {
        const actor = userOf(request);
        const centre = await deps.prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
        if (!centre.kommuner.includes(request.params.nummer))
          throw notFound('kommune.notInArea', { kommune: request.params.nummer, centre: centre.code });
        const k = await deps.prisma.kommune.update({
          where: { nummer: request.params.nummer },
          data: { settlementClass: request.body.settlementClass },
        });
        await writeAudit(deps.prisma, actor, {
          action: 'kommune.settlement-class',
          entityType: 'Kommune',
          entityId: k.nummer,
          detail: { settlementClass: k.settlementClass },
        });
        return { nummer: k.nummer, navn: k.navn, settlementClass: k.settlementClass };
      },
    );
  };
