import { ApiError, Indicators, IndicatorsQuery, Wall, WallQuery } from '@amk/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CONSOLE_ROLES } from '../../auth/roles.js';
import { requireUser, userOf } from '../../plugins/authenticate.js';
import type { IndicatorsService } from './indicators.service.js';
import type { WallService } from './wall.service.js';

export const wallRoutes =
  (deps: { wall: WallService; indicators: IndicatorsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/wall',
      { schema: { tags: ['wall'], summary: 'Figures for the wall display: my centre, or several side by side (?centres=AMK-BERGEN,LVS-BERGEN)', querystring: WallQuery, response: { 200: Wall, 400: ApiError, 401: ApiError, 403: ApiError } }, preValidation: requireUser(CONSOLE_ROLES) },
      async (request) => deps.wall.wall(userOf(request), request.query.centres),
    );
    app.get(
      '/indicators',
      { schema: { tags: ['wall'], summary: 'Quality indicators of my centre for a period (exercise calls left out)', querystring: IndicatorsQuery, response: { 200: Indicators, 400: ApiError, 401: ApiError, 403: ApiError } }, preValidation: requireUser(CONSOLE_ROLES) },
      async (request) => {
        const actor = userOf(request);
        return deps.indicators.indicators(actor.centre.id, actor.centre.kind, new Date(request.query.from), new Date(request.query.to));
      },
    );
  };
