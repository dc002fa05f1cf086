import { ApiError, CentreOption } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';

export const centresRoutes =
  (deps: { prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/centres',
      {
        schema: {
          tags: ['centres'],
          summary: 'The centres a call can be handed to or notified, with the kommuner each covers',
          response: { 200: z.object({ centres: z.array(CentreOption) }), 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async () => ({
        centres: (await deps.prisma.centre.findMany({ orderBy: { code: 'asc' } })).map(({ id, code, name, kind, lat, lon, kommuner }) => ({
          id,
          code,
          name,
          kind,
          lat,
          lon,
          kommuner,
        })),
      }),
    );
  };
