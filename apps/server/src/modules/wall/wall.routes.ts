import { ApiError, Indicators, IndicatorsQuery, RegionOverview, Wall, WallCentreOptions, WallQuery } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { IndicatorsService } from './indicators.service.js';
import type { RegionService } from './region.service.js';
import type { WallService } from './wall.service.js';

export const wallRoutes =
  (deps: { wall: WallService; indicators: IndicatorsService; region: RegionService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/region',
      {
        schema: {
          tags: ['wall'],
          summary:
            'The coordinating AMK of a health region (§ 14 e): every AMK of the region, read-only — preparedness, units, open missions',
          response: { 200: RegionOverview, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(['supervisor']),
      },
      async (request) => deps.region.overview(userOf(request), request.ip),
    );
    app.get(
      '/wall',
      {
        schema: {
          tags: ['wall'],
          summary: 'Figures for the wall display: my centre, or several side by side (?centres=AMK-BERGEN,LVS-BERGEN)',
          querystring: WallQuery,
          response: { 200: Wall, 400: ApiError, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => deps.wall.wall(userOf(request), request.query.centres),
    );
    app.get(
      '/wall/centres',
      {
        schema: {
          tags: ['wall'],
          summary: 'The centres whose figures I may show (wall and indicators): own, neighbouring and legevakt centres of the area',
          response: { 200: WallCentreOptions, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => ({ centres: await deps.wall.centres(userOf(request)) }),
    );
    app.get(
      '/indicators',
      {
        schema: {
          tags: ['wall'],
          summary: 'Quality indicators of my centre — or another the wall may show (?centre=) — for a period (exercise calls left out)',
          querystring: IndicatorsQuery,
          response: { 200: Indicators, 400: ApiError, 401: ApiError, 403: ApiError },
        },
        preValidation: requireUser(CONSOLE_ROLES),
      },
      async (request) => {
        const actor = userOf(request);
        const centre = request.query.centre ? await deps.wall.centre(actor, request.query.centre) : actor.centre;
        return deps.indicators.indicators(centre.id, centre.kind, new Date(request.query.from), new Date(request.query.to));
      },
    );
  };
