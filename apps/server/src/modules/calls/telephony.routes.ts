import { ApiError, CallAnsweredRequest, CallEndedRequest, CallIdParams, CallSummary, ExternalIdParams } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OPERATOR_ROLES } from '../../auth/roles.js';
import { integrationOf, requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import type { TelephonyService } from './telephony.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 415: ApiError } as const;

export const telephonyRoutes =
  (deps: { telephony: TelephonyService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/integrations/calls/:externalId/answered',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Telephony: the call was answered (idempotent)',
          params: ExternalIdParams,
          body: CallAnsweredRequest,
          response: { 200: CallSummary, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => deps.telephony.answered(integrationOf(request), request.params.externalId, request.body),
    );

    app.post(
      '/integrations/calls/:externalId/ended',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Telephony: the call ended; unanswered calls are recorded as abandoned (idempotent)',
          params: ExternalIdParams,
          body: CallEndedRequest,
          response: { 200: CallSummary, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => deps.telephony.ended(integrationOf(request), request.params.externalId, request.body),
    );

    app.post(
      '/calls/:id/take',
      {
        schema: {
          tags: ['calls'],
          summary: 'Take a call from the queue; the first operator owns it',
          params: CallIdParams,
          response: { 200: CallSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.telephony.take(userOf(request), request.params.id),
    );
  };
