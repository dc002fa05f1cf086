// The supervisors' wall and the quality indicators.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { createIndicatorsService } from './indicators.service.js';
import { wallRoutes } from './wall.routes.js';
import { createWallService } from './wall.service.js';

export const wallModule = fp(
  async (app) => {
    const { prisma, answerTimes, recommendations } = app;
    await app.register(
      wallRoutes({
        wall: createWallService({ prisma, answerTimes, recommendations }),
        indicators: createIndicatorsService({ prisma, answerTimes }),
      }),
      API_V1,
    );
  },
  { name: 'wall', fastify: '5.x', dependencies: ['stats', 'missions'] },
);
