// The doctors' rosters: the legevakt's doctors on call per district (§§ 6–7), and the AMK's doctor
// with emergency-medicine competence (§ 15 m).
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { amkDoctorRosterRoutes } from './amk-doctor-roster.routes.js';
import { createAmkDoctorRosterService } from './amk-doctor-roster.service.js';
import { rosterRoutes } from './roster.routes.js';
import { createRosterService } from './roster.service.js';

export const legevaktModule = fp(
  async (app) => {
    await app.register(rosterRoutes({ roster: createRosterService(app.prisma) }), API_V1);
    await app.register(amkDoctorRosterRoutes({ roster: createAmkDoctorRosterService(app.prisma) }), API_V1);
  },
  { name: 'legevakt', fastify: '5.x', dependencies: ['database'] },
);
