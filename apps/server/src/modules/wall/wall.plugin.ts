// The supervisors' wall, the quality indicators, and the coordinating AMK's view of its region.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { createIndicatorsService } from './indicators.service.js';
import { createRegionService } from './region.service.js';
import { wallRoutes } from './wall.routes.js';
import { createWallService } from './wall.service.js';

export const wallModule = fp(
  async (app) => {
    const { prisma, answerTimes, recommendations, missions } = app;
    await app.register(
      wallRoutes({
        wall: createWallService({ prisma, answerTimes, recommendations }),
        indicators: createIndicatorsService({ prisma, answerTimes }),
        region: createRegionService({ prisma, recommendations, missions }),
      }),
      API_V1,
    );
  },
  { name: 'wall', fastify: '5.x', dependencies: ['stats', 'missions'] },
);
