import { ApiError, Snapshot } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { createSnapshotService } from './snapshot.service.js';

export const snapshotRoutes =
  (deps: { snapshot: ReturnType<typeof createSnapshotService> }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/snapshot',
      {
        schema: {
          tags: ['realtime'],
          summary: "My centre's picture and the event seq it reflects",
          response: { 200: Snapshot, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.snapshot.forUser(userOf(request), request.ip),
    );
  };
