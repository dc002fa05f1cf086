import {
  ApiError,
  AssignUnitRequest,
  CallIdParams,
  CloseMissionRequest,
  CreateMissionRequest,
  MissionDetail,
  MissionIdParams,
  PreparednessReport,
  RecommendationList,
} from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES, OPERATOR_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { MissionsService } from './missions.service.js';
import type { RecommendationsService } from './recommendations.service.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;

export const missionsRoutes =
  (deps: { missions: MissionsService; recommendations: RecommendationsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/missions',
      {
        schema: {
          tags: ['missions'],
          summary: 'Create a mission and alert its units (idempotent on the client-chosen id)',
          body: CreateMissionRequest,
          response: { 200: MissionDetail, 201: MissionDetail, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request, reply) => {
        const { mission, created } = await deps.missions.create(userOf(request), request.body);
        return reply.status(created ? 201 : 200).send(mission);
      },
    );
    app.get(
      '/missions/:missionId',
      {
        schema: {
          tags: ['missions'],
          summary: 'A mission with its timeline and response time',
          params: MissionIdParams,
          response: { 200: MissionDetail, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.missions.get(userOf(request), request.params.missionId),
    );
    app.post(
      '/missions/:missionId/units',
      {
        schema: {
          tags: ['missions'],
          summary: 'Add a unit to the mission and alert it',
          params: MissionIdParams,
          body: AssignUnitRequest,
          response: { 200: MissionDetail, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.missions.assign(userOf(request), request.params.missionId, request.body.unitId, request.body.override),
    );
    app.post(
      '/missions/:missionId/close',
      {
        schema: {
          tags: ['missions'],
          summary: 'Close the mission with its outcome',
          params: MissionIdParams,
          body: CloseMissionRequest,
          response: { 200: MissionDetail, ...errors },
        },
        preValidation: requireUser(OPERATOR_ROLES),
      },
      async (request) => deps.missions.close(userOf(request), request.params.missionId, request.body.outcome),
    );
    app.get(
      '/calls/:id/recommendations',
      {
        schema: {
          tags: ['missions'],
          summary: 'Free units ranked by estimated time to the caller (neighbouring centres marked)',
          params: CallIdParams,
          response: { 200: RecommendationList, ...errors },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.recommendations.forCall(userOf(request), request.params.id),
    );
    app.get(
      '/preparedness',
      {
        schema: {
          tags: ['missions'],
          summary: 'Per kommune of my centre: nearest free ambulance and gaps against the response guideline',
          response: { 200: PreparednessReport, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.recommendations.preparedness(userOf(request)),
    );
  };
