import {
  ApiError,
  HospitalAlertParams,
  HospitalCapacity,
  HospitalCodeParams,
  HospitalList,
  HospitalPreparednessRequest,
  HospitalSummary,
  MajorIncidentDetail,
  MajorIncidentList,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { integrationOf, requireIntegration, requireUser, userOf } from '../../plugins/authenticate.js';
import type { HospitalsService } from './hospitals.service.js';
import { toSummary } from './major-incident-view.js';
import type { MajorIncidentsService } from './major-incidents.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;
/** Who enters what a hospital said on the phone: AMK's operators, doctors and supervisors. */
const CAPACITY_ROLES = ['amk_operator', 'amk_doctor', 'supervisor'] as const;
/** Who records a hospital's answer to a major incident's alert: those who work the incident. */
const PREPAREDNESS_ROLES = ['amk_operator', 'amk_doctor'] as const;

export const hospitalsRoutes =
  (deps: { hospitals: HospitalsService; majorIncidents: MajorIncidentsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/hospitals',
      {
        schema: {
          tags: ['major-incidents'],
          summary: 'Hospitals with acute functions (§ 16): declared capacity per triage category and what open major incidents use of it',
          response: { 200: HospitalList, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async () => ({ hospitals: await deps.hospitals.list() }),
    );
    app.put(
      '/hospitals/:code/capacity',
      {
        schema: {
          tags: ['major-incidents'],
          summary: 'Enter the capacity a hospital gave on the phone',
          params: HospitalCodeParams,
          body: HospitalCapacity,
          response: { 200: HospitalSummary, ...errors },
        },
        preValidation: requireUser(CAPACITY_ROLES),
      },
      async (request) => deps.hospitals.updateCapacity(userOf(request), request.params.code, request.body, request.ip),
    );
    app.put(
      '/integrations/hospitals/:code/capacity',
      {
        schema: {
          tags: ['integrations'],
          summary: 'A hospital declares its capacity per triage category (its HF’s key)',
          params: HospitalCodeParams,
          body: HospitalCapacity,
          response: { 200: HospitalSummary, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => deps.hospitals.updateCapacity(integrationOf(request), request.params.code, request.body, request.ip),
    );
    app.put(
      '/integrations/hospitals/:code/preparedness',
      {
        schema: {
          tags: ['integrations'],
          summary:
            'A hospital answers the alert of every open major incident that alerted it with the preparedness level it raised (its HF’s key)',
          params: HospitalCodeParams,
          body: HospitalPreparednessRequest,
          response: { 200: MajorIncidentList, ...errors },
        },
        preValidation: requireIntegration,
      },
      async (request) => {
        const details = await deps.majorIncidents.answerPreparedness(integrationOf(request), request.params.code, request.body.level);
        return { majorIncidents: details.map(toSummary) };
      },
    );
    app.put(
      '/major-incidents/:majorIncidentId/hospitals/:code/preparedness',
      {
        schema: {
          tags: ['major-incidents'],
          summary: 'Enter the preparedness level a hospital gave on the phone in answer to the alert',
          params: HospitalAlertParams,
          body: HospitalPreparednessRequest,
          response: { 200: MajorIncidentDetail, ...errors },
        },
        preValidation: requireUser(PREPAREDNESS_ROLES),
      },
      async (request) => {
        const [detail] = await deps.majorIncidents.answerPreparedness(
          userOf(request),
          request.params.code,
          request.body.level,
          request.params.majorIncidentId,
        );
        return detail!;
      },
    );
  };
