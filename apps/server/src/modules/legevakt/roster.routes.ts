import { ApiError, DoctorShiftInput, Roster, RosterQuery, Uuid } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { RosterService } from './roster.service.js';

export const rosterRoutes =
  (deps: { roster: RosterService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/legevakt/roster',
      {
        schema: {
          tags: ['legevakt'],
          summary: 'Doctor-on-call shifts with the § 7 competence check and backup flags (default: the next 24 h)',
          querystring: RosterQuery,
          response: { 200: Roster, 400: ApiError, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const from = request.query.from ? new Date(request.query.from) : new Date();
        const to = request.query.to ? new Date(request.query.to) : new Date(from.getTime() + 24 * 3_600_000);
        return deps.roster.list(userOf(request), from, to);
      },
    );
    app.post(
      '/legevakt/roster',
      {
        schema: {
          tags: ['legevakt'],
          summary: 'Add a doctor-on-call (or backup) shift',
          body: DoctorShiftInput,
          response: { 201: z.object({ id: Uuid }), 400: ApiError, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(['lv_operator', 'supervisor', 'admin']),
      },
      async (request, reply) => reply.status(201).send({ id: await deps.roster.add(userOf(request), request.body) }),
    );
  };
