import { ApiError, CriteriaImportResult, TriageCriterion } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser } from '../../plugins/authenticate.js';
import type { TriageService } from './triage.service.js';

export const triageRoutes =
  (deps: { triage: TriageService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/triage/criteria',
      {
        schema: {
          tags: ['triage'],
          summary: 'The criteria catalogue',
          response: { 200: z.object({ criteria: z.array(TriageCriterion) }), 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async () => ({ criteria: await deps.triage.list() }),
    );
    app.post(
      '/triage/criteria/import',
      {
        schema: {
          tags: ['triage'],
          summary: "Import the centre's licensed index as CSV (text/csv: code;chapter;chapter_title;text)",
          body: z.string().max(5_000_000),
          response: { 200: CriteriaImportResult, 400: ApiError, 401: ApiError, 403: ApiError, 415: ApiError },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => deps.triage.importCsv(request.body),
    );
  };
