import {
  ApiError,
  CallSignParams,
  OnCallExemptionRequest,
  SetCrewRequest,
  SetUnitStatusRequest,
  UnitIdParams,
  UnitPositionReport,
  UnitReportAnswer,
  UnitStatusReport,
  UnitSummary,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OPERATOR_ROLES } from '../../auth/roles.js';
import { integrationOf, requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import type { UnitsService } from './units.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

export const unitsRoutes =
  (deps: { units: UnitsService; stamp: () => number }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/integrations/units/:callSign/status',
      {
        schema: {
          tags: ['integrations'],
          summary: 'A unit terminal reports its status (older reports are ignored; illegal jumps refused with the reason)',
          params: CallSignParams,
          body: UnitStatusReport,
          response: { 200: UnitReportAnswer, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => deps.units.reportStatus(integrationOf(request), request.params.callSign, request.body),
    );
    app.put(
      '/integrations/units/:callSign/position',
      {
        schema: {
          tags: ['integrations'],
          summary:
            'A unit terminal reports its position (idempotent; older reports are ignored). Reports queue behind calls; when 2,000 are queued, 429 with Retry-After: send the newest then',
          params: CallSignParams,
          body: UnitPositionReport,
          response: { 200: UnitReportAnswer, ...errors, 429: ApiError },
        },
        // streamed beside the event log: never a write that positions must wait for (priority-gate.ts)
        config: { positionReport: true },
        preValidation: requireIntegration,
      },
      async (request) => deps.units.reportPosition(integrationOf(request), request.params.callSign, request.body, deps.stamp()),
    );
    app.post(
      '/units/:unitId/status',
      {
        schema: {
          tags: ['units'],
          summary: 'An operator sets a unit status by hand; a unit whose crew fails § 11 becomes available only with override: { reason }',
          params: UnitIdParams,
          body: SetUnitStatusRequest,
          response: { 200: UnitSummary, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.units.setStatus(userOf(request), request.params.unitId, request.body.status, request.body.override),
    );
    app.put(
      '/units/:unitId/crew',
      {
        schema: {
          tags: ['units'],
          summary: 'The crew for the shift; the § 11 check flags a unit that falls short',
          params: UnitIdParams,
          body: SetCrewRequest,
          response: { 200: UnitSummary, ...errors },
        },
        preValidation: requireUser([...OPERATOR_ROLES, 'supervisor', 'admin']),
      },
      async (request) => deps.units.setCrew(userOf(request), request.params.unitId, request.body.members, request.body.manning),
    );
    app.put(
      '/units/:unitId/on-call-exemption',
      {
        schema: {
          tags: ['units'],
          summary:
            'The low-volume exception from tilstedevakt (§ 11 second paragraph) decided for an ambulance car, by its reference; null withdraws it',
          params: UnitIdParams,
          body: OnCallExemptionRequest,
          response: { 200: UnitSummary, ...errors },
        },
        preValidation: requireUser(['supervisor', 'admin']),
      },
      async (request) => deps.units.setOnCallExemption(userOf(request), request.params.unitId, request.body.ref),
    );
  };
