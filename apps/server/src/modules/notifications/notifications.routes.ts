import {
  AcknowledgeRequest,
  ApiError,
  CallIdParams,
  NotificationIdParams,
  NotificationList,
  NotificationSummary,
  NotifyRequest,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';
import type { NotificationsService } from './notifications.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

export const notificationsRoutes =
  (deps: { notifications: NotificationsService; prisma: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/calls/:id/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Notify other services; TRIPLE notifies police (112) and fire (110) together (§ 15 d)',
          params: CallIdParams,
          body: NotifyRequest,
          response: { 201: NotificationList, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request, reply) =>
        reply.status(201).send({ notifications: await deps.notifications.notify(userOf(request), request.params.id, request.body) }),
    );
    app.post(
      '/notifications/:notificationId/ack',
      {
        schema: {
          tags: ['notifications'],
          summary: 'The operator records who confirmed and when (a notification phoned in: MANUAL until then)',
          params: NotificationIdParams,
          body: AcknowledgeRequest,
          response: { 200: NotificationSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.notifications.acknowledge(request.actor!, request.params.notificationId, request.body.by, request.body.at),
    );
    app.post(
      '/notifications/:notificationId/acknowledge',
      {
        schema: {
          tags: ['notifications'],
          summary: "An operator of the receiving centre acknowledges a notification in the centre's inbox (§ 15 e, f; idempotent)",
          params: NotificationIdParams,
          response: { 200: NotificationSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.notifications.receive(userOf(request), request.params.notificationId),
    );
    app.post(
      '/integrations/notifications/:notificationId/ack',
      {
        schema: {
          tags: ['integrations'],
          summary: 'The gateway reports that the recipient acknowledged (idempotent)',
          params: NotificationIdParams,
          body: AcknowledgeRequest,
          response: { 200: NotificationSummary, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => deps.notifications.acknowledge(request.actor!, request.params.notificationId, request.body.by, request.body.at),
    );
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: "Notifications on my centre's open calls, and my centre's inbox",
          response: { 200: NotificationList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => ({ notifications: await deps.notifications.listForCentre(deps.prisma, userOf(request).centre.id) }),
    );
  };
