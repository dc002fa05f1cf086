// Major incidents (§ 15 o) and the hospitals' capacity they are distributed by.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { hospitalsRoutes } from './hospitals.routes.js';
import { createHospitalsService } from './hospitals.service.js';
import { majorIncidentsRoutes } from './major-incidents.routes.js';
import { createMajorIncidentsService } from './major-incidents.service.js';

export const majorIncidentsModule = fp(
  async (app) => {
    const { prisma, transact } = app;
    // Declaring alerts police and fire through the notifications' gateway.
    const majorIncidents = createMajorIncidentsService({ prisma, transact, channelName: app.notifications.channelName });
    await app.register(majorIncidentsRoutes({ majorIncidents, prisma }), API_V1);
    await app.register(hospitalsRoutes({ hospitals: createHospitalsService({ prisma, transact }), majorIncidents }), API_V1);
  },
  { name: 'major-incidents', fastify: '5.x', dependencies: ['realtime', 'notifications'] },
);
