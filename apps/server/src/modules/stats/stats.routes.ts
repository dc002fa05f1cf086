import { AnswerTimeQuery, AnswerTimeReport, ApiError } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { AnswerTimeService } from './answer-times.service.js';

export const statsRoutes =
  (deps: { answerTimes: AnswerTimeService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/stats/answer-times',
      {
        schema: {
          tags: ['stats'],
          summary: 'Answer times of my centre per line against § 15 b / § 13 d (last hour, today, this month, or from/to)',
          querystring: AnswerTimeQuery,
          response: { 200: AnswerTimeReport, 400: ApiError, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.answerTimes.report(userOf(request).centre.id, request.query),
    );
  };
