import {
  ApiError,
  CentreBackups,
  CentreCodeParams,
  SetCentreBackupsRequest,
  StartTakeoverRequest,
  TakeoverList,
  TakeoverSummary,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { TakeoversService } from './takeovers.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

export const takeoversRoutes =
  (deps: { takeovers: TakeoversService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/centres/:code/takeover',
      {
        schema: {
          tags: ['takeovers'],
          summary:
            "Take over a centre's lines and open work (§ 15 p, § 12 d): by a supervisor of a designated backup centre, or by the centre's own supervisor handing over (naming the backup)",
          params: CentreCodeParams,
          body: StartTakeoverRequest,
          response: { 201: TakeoverSummary, ...errors },
        },
        preValidation: requireUser(['supervisor']),
      },
      async (request, reply) => reply.status(201).send(await deps.takeovers.start(userOf(request), request.params.code, request.body)),
    );
    app.delete(
      '/centres/:code/takeover',
      {
        schema: {
          tags: ['takeovers'],
          summary: 'End the takeover of a centre and hand everything back, with a count of what was done meanwhile',
          params: CentreCodeParams,
          response: { 200: TakeoverSummary, ...errors },
        },
        preValidation: requireUser(['supervisor']),
      },
      async (request) => deps.takeovers.end(userOf(request), request.params.code),
    );
    app.get(
      '/takeovers',
      {
        schema: {
          tags: ['takeovers'],
          summary:
            'Takeovers my centre is in (as the centre taken over or its backup): open ones and those ended in the last 12 hours; and the centres I may take over or hand over to',
          response: { 200: TakeoverList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return deps.takeovers.overview(userOf(request));
      },
    );
    app.get(
      '/centres/:code/backups',
      {
        schema: {
          tags: ['takeovers'],
          summary: 'The centres designated to take this centre over (§ 15 p, § 12 d)',
          params: CentreCodeParams,
          response: { 200: CentreBackups, 401: ApiError, 403: ApiError, 404: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.takeovers.backupsOf(request.params.code),
    );
    app.put(
      '/centres/:code/backups',
      {
        schema: {
          tags: ['takeovers'],
          summary: "Designate my centre's backup centres (administrator): other centres of the same kind",
          params: CentreCodeParams,
          body: SetCentreBackupsRequest,
          response: { 200: CentreBackups, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => deps.takeovers.setBackups(userOf(request), request.params.code, request.body.backupCentres),
    );
  };
