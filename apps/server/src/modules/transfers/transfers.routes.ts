import {
  AnswerTransferRequest,
  ApiError,
  CallIdParams,
  RequestTransferRequest,
  TransferIdParams,
  TransferList,
  TransferSummary,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';
import { writeListAudit } from '../audit/audit.service.js';
import type { TransfersService } from './transfers.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

export const transfersRoutes =
  (deps: { transfers: TransfersService; prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/calls/:id/transfers',
      {
        schema: {
          tags: ['transfers'],
          summary:
            'Hand the call to another centre where the law allows it (§ 13 b LVS → AMK/LVS, § 15 e AMK → AMK, § 15 g AMK → the LVS covering the kommune)',
          params: CallIdParams,
          body: RequestTransferRequest,
          response: { 201: TransferSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await deps.transfers.request(
              userOf(request),
              request.params.id,
              request.body.toCentre,
              request.body.reason,
              request.body.conference,
            ),
          ),
    );
    app.post(
      '/transfers/:transferId/answer',
      {
        schema: {
          tags: ['transfers'],
          summary: 'Accept or decline a call handed to my centre',
          params: TransferIdParams,
          body: AnswerTransferRequest,
          response: { 200: TransferSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.transfers.answer(userOf(request), request.params.transferId, request.body.decision, request.body.note),
    );
    app.get(
      '/transfers',
      {
        schema: {
          tags: ['transfers'],
          summary: 'Transfers my centre sent or received (pending, and answered in the last 12 h)',
          response: { 200: TransferList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        const transfers = await deps.transfers.listFor(actor.centre.id);
        // caller names and numbers, other centres' among them: audited for the reader and the owners
        await writeListAudit(deps.prisma, actor, {
          action: 'transfer.list',
          entityType: 'Transfer',
          calls: transfers.map((t) => t.call),
          ip: request.ip,
        });
        return { transfers };
      },
    );
  };
