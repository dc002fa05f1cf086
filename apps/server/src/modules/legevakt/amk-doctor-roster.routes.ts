import { AmkDoctorRoster, AmkDoctorShiftInput, ApiError, RosterQuery, Uuid } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../lib/http-error.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { AmkDoctorRosterService } from './amk-doctor-roster.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } as const;
/** Who keeps the AMK doctor roster: the AMK's operators and doctors, its supervisors and admins. */
const KEEPERS = ['amk_operator', 'amk_doctor', 'supervisor', 'admin'] as const;

export const amkDoctorRosterRoutes =
  (deps: { roster: AmkDoctorRosterService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/amk/doctor-roster',
      {
        schema: {
          tags: ['legevakt'],
          summary: 'The AMK doctor roster (§ 15 m) and the stretches without one (default: the next 7 days)',
          querystring: RosterQuery,
          response: { 200: AmkDoctorRoster, ...errors },
        },
        preValidation: requireUser(KEEPERS),
      },
      async (request) => {
        const from = request.query.from ? new Date(request.query.from) : new Date();
        const to = request.query.to ? new Date(request.query.to) : new Date(from.getTime() + 7 * 24 * 3_600_000);
        if (to <= from) throw badRequest('roster.endBeforeStart');
        if (to.getTime() - from.getTime() > 62 * 24 * 3_600_000) throw badRequest('roster.periodTooLong');
        return deps.roster.list(userOf(request), from, to);
      },
    );
    app.post(
      '/amk/doctor-roster',
      {
        schema: {
          tags: ['legevakt'],
          summary: 'Add a shift of the AMK doctor',
          body: AmkDoctorShiftInput,
          response: { 201: z.object({ id: Uuid }), ...errors },
        },
        preValidation: requireUser(KEEPERS),
      },
      async (request, reply) => reply.status(201).send({ id: await deps.roster.add(userOf(request), request.body) }),
    );
    app.delete(
      '/amk/doctor-roster/:id',
      {
        schema: {
          tags: ['legevakt'],
          summary: 'Remove a shift of the AMK doctor entered by mistake',
          params: z.object({ id: Uuid }),
          response: { 204: z.null(), ...errors },
        },
        preValidation: requireUser(KEEPERS),
      },
      async (request, reply) => {
        await deps.roster.remove(userOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
