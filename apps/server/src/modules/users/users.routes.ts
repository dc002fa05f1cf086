// Thin routes for the competence record: admins list and edit their centre's users; every user can
// read their own status (the console shows a banner when it falls short).
import { ApiError, CompetenceStatus, UpdateCompetenceRequest, UserCompetence, UserCompetenceList, Uuid } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { UsersService } from './users.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } as const;

export const usersRoutes =
  (deps: { users: UsersService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/competence',
      {
        schema: {
          tags: ['users'],
          summary: 'Whether I meet § 15 l / § 13 f (with § 8) for my centre',
          response: { 200: CompetenceStatus, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.users.mine(userOf(request)),
    );
    app.get(
      '/admin/users',
      {
        schema: {
          tags: ['users'],
          summary: "My centre's users with their competence record",
          response: { 200: UserCompetenceList, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => ({ users: await deps.users.list(userOf(request)) }),
    );
    app.put(
      '/admin/users/:id/competence',
      {
        schema: {
          tags: ['users'],
          summary: "Record a user's education, operator training, clinical practice, § 8 courses and HPR number",
          params: z.object({ id: Uuid }),
          body: UpdateCompetenceRequest,
          response: { 200: UserCompetence, ...errors },
        },
        preValidation: requireUser(['admin']),
      },
      async (request) => deps.users.updateCompetence(userOf(request), request.params.id, request.body),
    );
  };
