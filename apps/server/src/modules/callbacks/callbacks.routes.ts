// Thin routes for the callback list (tilbakeringing): declare the contract, check who may call.
import { ApiError, CallbackIdParams, CallbackList, CallbackSummary, ResolveCallbackRequest } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { CallbacksService } from './callbacks.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 415: ApiError } as const;

export const callbacksRoutes =
  (deps: { callbacks: CallbacksService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/callbacks',
      {
        schema: {
          tags: ['calls'],
          summary: 'Lost callers of my centre not yet called back',
          response: { 200: CallbackList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => ({ callbacks: await deps.callbacks.listOpen(userOf(request), request.ip) }),
    );

    app.post(
      '/callbacks/:callbackId/resolve',
      {
        schema: {
          tags: ['calls'],
          summary: 'Say how calling a lost caller back went, or link the lost call to a later call from the same number',
          params: CallbackIdParams,
          body: ResolveCallbackRequest,
          response: { 200: CallbackSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.callbacks.resolve(userOf(request), request.params.callbackId, request.body, request.ip),
    );
  };
