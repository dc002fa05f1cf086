import {
  AkutthjelperReport,
  AkutthjelperReportQuery,
  AkutthjelperSettings,
  AlertList,
  AlertRespondersRequest,
  ApiError,
  AcknowledgeBistandRequest,
  BistandList,
  BistandRequestBody,
  BistandSummary,
  CandidatesAnswer,
  RequestedEventType,
  CreateAgreementRequest,
  CreateMemberRequest,
  CreateOrganisationRequest,
  CreateResponderUnitRequest,
  MissionIdParams,
  OrganisationTree,
  ResponderActionParams,
  ResponderAlert,
  ResponderDuty,
  ResponderMe,
  ResponderPosition,
  SmsInbound,
  SmsInboundAnswer,
  TestAlertList,
  TestAlertSummary,
  UpdateAgreementRequest,
  UpdateMemberRequest,
  Uuid,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { integrationOf, requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import type { Db } from '@amk/db';
import type { AlertingService } from './alerting.service.js';
import type { BistandService } from './bistand.service.js';
import type { OrganisationsService } from './organisations.service.js';
import { akutthjelperReport } from './reports.js';
import type { ResponderService } from './responder.service.js';
import type { TestAlertsService } from './test-alerts.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 422: ApiError } as const;
const created = z.object({ id: Uuid });

export const akutthjelperRoutes =
  (deps: {
    organisations: OrganisationsService;
    alerting: AlertingService;
    responder: ResponderService;
    testAlerts: TestAlertsService;
    bistand: BistandService;
    prisma: Db;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = { preValidation: requireUser(['admin']), schema: { tags: ['akutthjelper'] } };

    // ── organisations and agreements (admin)
    app.get(
      '/akutthjelper/organisations',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'Organisations, units, members and my centre’s agreements',
          response: { 200: OrganisationTree, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.organisations.tree(userOf(request)),
    );
    app.post(
      '/akutthjelper/organisations',
      { ...admin, schema: { ...admin.schema, body: CreateOrganisationRequest, response: { 201: created, ...errors } } },
      async (request, reply) => reply.status(201).send({ id: (await deps.organisations.createOrganisation(request.body)).id }),
    );
    app.post(
      '/akutthjelper/units',
      { ...admin, schema: { ...admin.schema, body: CreateResponderUnitRequest, response: { 201: created, ...errors } } },
      async (request, reply) => reply.status(201).send({ id: (await deps.organisations.createUnit(request.body)).id }),
    );
    app.post(
      '/akutthjelper/members',
      { ...admin, schema: { ...admin.schema, body: CreateMemberRequest, response: { 201: created, ...errors } } },
      async (request, reply) => reply.status(201).send({ id: (await deps.organisations.createMember(request.body)).id }),
    );
    app.patch(
      '/akutthjelper/members/:memberId',
      {
        ...admin,
        schema: { ...admin.schema, params: z.object({ memberId: Uuid }), body: UpdateMemberRequest, response: { 200: created, ...errors } },
      },
      async (request) => ({ id: (await deps.organisations.updateMember(request.params.memberId, request.body)).id }),
    );
    app.post(
      '/akutthjelper/agreements',
      { ...admin, schema: { ...admin.schema, body: CreateAgreementRequest, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.status(201).send({ id: (await deps.organisations.createAgreement(userOf(request), request.body)).id }),
    );
    app.patch(
      '/akutthjelper/agreements/:agreementId',
      {
        ...admin,
        schema: {
          ...admin.schema,
          params: z.object({ agreementId: Uuid }),
          body: UpdateAgreementRequest,
          response: { 200: created, ...errors },
        },
      },
      async (request) => ({
        id: (await deps.organisations.endAgreement(userOf(request), request.params.agreementId, request.body.validTo)).id,
      }),
    );

    // ── the centre's limit on whom to propose (a supervisor's setting)
    app.get(
      '/akutthjelper/settings',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'My centre’s akutthjelper settings',
          response: { 200: AkutthjelperSettings, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.organisations.settings(userOf(request)),
    );
    app.put(
      '/akutthjelper/settings',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'Set how far by road an akutthjelper may be to be proposed (default 5 km); audited',
          body: AkutthjelperSettings,
          response: { 200: AkutthjelperSettings, ...errors },
        },
        preValidation: requireUser(['supervisor', 'admin']),
      },
      async (request) => deps.organisations.setSettings(userOf(request), request.body),
    );

    // ── alerting (AMK)
    app.get(
      '/missions/:missionId/akutthjelper/candidates',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'May akutthjelpere be alerted, and who (nearest first); a refusal says why in words',
          params: MissionIdParams,
          querystring: z.object({
            eventType: RequestedEventType.optional(),
            override: z
              .enum(['true', 'false'])
              .optional()
              .describe('true: as with an override of the main rule (an event type outside the four; AMK doctor or operator)'),
          }),
          response: { 200: CandidatesAnswer, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) =>
        deps.alerting.candidates(userOf(request), request.params.missionId, request.query.eventType, request.query.override === 'true'),
    );
    app.post(
      '/missions/:missionId/akutthjelper/alerts',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'Alert akutthjelpere with one action (only AMK, only the four event types, only under a valid agreement)',
          params: MissionIdParams,
          body: AlertRespondersRequest,
          response: { 201: AlertList, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request, reply) => reply.status(201).send(await deps.alerting.alert(userOf(request), request.params.missionId, request.body)),
    );
    app.get(
      '/missions/:missionId/akutthjelper/alerts',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'Each alerted akutthjelper with delivered, seen, accepted/declined and arrival times',
          params: MissionIdParams,
          response: { 200: AlertList, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.alerting.list(userOf(request), request.params.missionId),
    );
    app.post(
      '/missions/:missionId/bistand',
      {
        schema: {
          tags: ['akutthjelper'],
          summary:
            'Ask for "bistand helse" / "bistand kommune" (outside the scheme; counted apart): sent to the organisation\'s members marked as bistand',
          params: MissionIdParams,
          body: BistandRequestBody,
          response: { 201: BistandSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request, reply) => reply.status(201).send(await deps.bistand.create(userOf(request), request.params.missionId, request.body)),
    );
    app.get(
      '/missions/:missionId/bistand',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'The bistand requests of a mission: sent to whom, delivered, confirmed by whom',
          params: MissionIdParams,
          response: { 200: BistandList, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.bistand.list(userOf(request), request.params.missionId),
    );
    app.post(
      '/bistand/:bistandId/ack',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'The operator phoned the organisation and someone confirmed the bistand request',
          params: z.object({ bistandId: Uuid }),
          body: AcknowledgeBistandRequest,
          response: { 200: BistandSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.bistand.acknowledge(userOf(request), request.params.bistandId, request.body.by),
    );
    app.get(
      '/akutthjelper/reports',
      {
        schema: {
          tags: ['akutthjelper'],
          summary: 'Akutthjelper missions per organisation and kommune, alert to arrival, arrivals before the ambulance, bistand apart',
          querystring: AkutthjelperReportQuery,
          response: { 200: AkutthjelperReport, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) =>
        akutthjelperReport(deps.prisma, userOf(request).centre.id, new Date(request.query.from), new Date(request.query.to)),
    );

    // ── answers by SMS from members without the page (the SMS gateway passes them on)
    app.post(
      '/integrations/sms/inbound',
      {
        schema: {
          tags: ['integrations'],
          summary:
            'An akutthjelper answers the alert SMS: JA accepts, NEI declines, FRAM marks arrival; the reply SMS carries the place after JA',
          body: SmsInbound,
          response: { 200: SmsInboundAnswer, 502: ApiError, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => deps.responder.answerSms(integrationOf(request), request.body),
    );

    // ── the responder's own page
    const responder = { preValidation: requireUser(['responder']) };
    app.get(
      '/responder/me',
      {
        ...responder,
        schema: { tags: ['responder'], summary: 'The logged-in akutthjelper and their alerts', response: { 200: ResponderMe, ...errors } },
      },
      async (request) => deps.responder.me(userOf(request)),
    );
    app.post(
      '/responder/alerts/:alertId/:action',
      {
        ...responder,
        schema: {
          tags: ['responder'],
          summary: 'delivered | seen | accept | decline | arrived',
          params: ResponderActionParams,
          response: { 200: ResponderAlert, ...errors },
        },
      },
      async (request) => deps.responder.act(userOf(request), request.params.alertId, request.params.action),
    );
    app.put(
      '/responder/position',
      { ...responder, schema: { tags: ['responder'], body: ResponderPosition, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deps.responder.position(userOf(request), request.body.lat, request.body.lon);
        return reply.status(204).send(null);
      },
    );
    // ── the organisation leader's test of the members' phones (ØVELSE/TEST, never counted)
    app.post(
      '/responder/test-alerts',
      {
        ...responder,
        schema: {
          tags: ['responder'],
          summary: "The organisation's leader sends a test alert (ØVELSE/TEST) to every member's phone; never counted",
          response: { 201: TestAlertSummary, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await deps.testAlerts.send(userOf(request))),
    );
    app.get(
      '/responder/test-alerts',
      {
        ...responder,
        schema: {
          tags: ['responder'],
          summary: "The organisation's latest test alerts with each member's reply (the leader only)",
          response: { 200: TestAlertList, ...errors },
        },
      },
      async (request) => deps.testAlerts.list(userOf(request)),
    );
    app.put(
      '/responder/duty',
      { ...responder, schema: { tags: ['responder'], body: ResponderDuty, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deps.responder.duty(userOf(request), request.body.onDuty);
        return reply.status(204).send(null);
      },
    );
  };
