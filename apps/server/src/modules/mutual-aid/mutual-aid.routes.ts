import { ApiError, DeclineMutualAid, LoanIdParams, RequestMutualAid, UnitLoanList, UnitLoanSummary } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { MutualAidService } from './mutual-aid.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;
/** People who dispatch, and the supervisor who may answer for the centre's units. */
const DISPATCHERS = [...OPERATOR_ROLES, 'supervisor' as const];

export const mutualAidRoutes =
  (deps: { mutualAid: MutualAidService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/mutual-aid',
      {
        schema: {
          tags: ['mutual-aid'],
          summary: 'Mutual aid my centre asked for or was asked for (§ 10 d): open, and answered in the last 12 hours',
          response: { 200: UnitLoanList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => ({ loans: await deps.mutualAid.listFor(userOf(request).centre.id) }),
    );
    app.post(
      '/mutual-aid',
      {
        schema: {
          tags: ['mutual-aid'],
          summary: 'Ask a neighbouring centre for one of its free units for my call or mission (§ 10 d, § 15 i)',
          body: RequestMutualAid,
          response: { 201: UnitLoanSummary, ...errors },
        },
        preValidation: requireUser(DISPATCHERS),
      },
      async (request, reply) => reply.status(201).send(await deps.mutualAid.request(userOf(request), request.body)),
    );
    app.post(
      '/mutual-aid/:loanId/accept',
      {
        schema: {
          tags: ['mutual-aid'],
          summary: "The owning centre lends the unit: it is alerted on the asking centre's mission",
          params: LoanIdParams,
          response: { 200: UnitLoanSummary, ...errors },
        },
        preValidation: requireUser(DISPATCHERS),
      },
      async (request) => deps.mutualAid.accept(userOf(request), request.params.loanId),
    );
    app.post(
      '/mutual-aid/:loanId/decline',
      {
        schema: {
          tags: ['mutual-aid'],
          summary: 'The owning centre declines, saying why',
          params: LoanIdParams,
          body: DeclineMutualAid,
          response: { 200: UnitLoanSummary, ...errors },
        },
        preValidation: requireUser(DISPATCHERS),
      },
      async (request) => deps.mutualAid.decline(userOf(request), request.params.loanId, request.body.reason),
    );
    app.post(
      '/mutual-aid/:loanId/cancel',
      {
        schema: {
          tags: ['mutual-aid'],
          summary: 'The asking centre withdraws a request not yet answered',
          params: LoanIdParams,
          response: { 200: UnitLoanSummary, ...errors },
        },
        preValidation: requireUser(DISPATCHERS),
      },
      async (request) => deps.mutualAid.cancel(userOf(request), request.params.loanId),
    );
  };
