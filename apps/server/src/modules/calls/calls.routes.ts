// Thin routes: declare the contract, check who may call, hand over to the service.
import { ApiError, CallList, CallSummary, CreateCallRequest, RegisterCallRequest } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { integrationOf, requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import { OPERATOR_ROLES, CONSOLE_ROLES } from '../../auth/roles.js';
import type { CallsService } from './calls.service.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Db } from '@amk/db';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError, 413: ApiError, 415: ApiError } as const;

export const callsRoutes =
  (deps: { calls: CallsService; prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/integrations/calls',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Telephony registers a ringing call (idempotent on externalId)',
          body: RegisterCallRequest,
          response: { 200: CallSummary, 201: CallSummary, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request, reply) => {
        const { call, created } = await deps.calls.registerFromTelephony(integrationOf(request), request.body);
        return reply.status(created ? 201 : 200).send(call);
      },
    );

    app.post(
      '/calls',
      {
        schema: {
          tags: ['calls'],
          summary: 'An operator registers a call by hand (idempotent on the client-chosen id)',
          body: CreateCallRequest,
          response: { 200: CallSummary, 201: CallSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request, reply) => {
        const { call, created } = await deps.calls.createManual(userOf(request), request.body);
        return reply.status(created ? 201 : 200).send(call);
      },
    );

    app.get(
      '/calls',
      {
        schema: { tags: ['calls'], summary: 'Open calls of my centre', response: { 200: CallList, 401: ApiError, 403: ApiError } },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        const calls = await deps.calls.listOpen(actor.centre.id);
        await writeAudit(deps.prisma, actor, {
          action: 'call.list',
          entityType: 'Call',
          detail: { count: calls.length, open: true },
          ip: request.ip,
        });
        return { calls };
      },
    );
  };
