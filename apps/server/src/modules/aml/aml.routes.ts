// POST /api/v1/integrations/aml — both AML forms on one route, told apart by content type:
// text/plain (the SMS body, caller number in ?msisdn=) and application/x-www-form-urlencoded (HTTPS).
import { AmlQuery, AmlResponse, ApiError } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { integrationOf, requireIntegration } from '../../plugins/authenticate.js';
import { badRequest } from '../../lib/http-error.js';
import type { AmlService } from './aml.service.js';

const AmlBody = z
  .union([z.string().max(2_000), z.record(z.string(), z.string().max(500))])
  .describe(
    'text/plain: the AML SMS (A"ML=1;lt=…;lg=…;rd=…;top=…;…). application/x-www-form-urlencoded: v=3&device_number=…&location_latitude=…',
  );

export const amlRoutes =
  (deps: { aml: AmlService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/integrations/aml',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Caller position (AML) by SMS text or HTTPS form',
          querystring: AmlQuery,
          body: AmlBody,
          response: { 200: AmlResponse, 400: ApiError, 401: ApiError, 413: ApiError, 415: ApiError },
        },
        preValidation: requireIntegration,
      },
      async (request) => {
        const actor = integrationOf(request);
        const contentType = String(request.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        if (contentType === 'text/plain') {
          if (typeof request.body !== 'string') throw badRequest('aml.smsFormIsText');
          return deps.aml.receiveSms(actor, request.body, request.query.msisdn);
        }
        if (typeof request.body === 'string') throw badRequest('aml.httpsFormIsFields');
        return deps.aml.receiveHttps(actor, request.body);
      },
    );
  };
