// The kommune lookup (geo/kommune-lookup.ts), made once and shared by every module
// that places a call, a caller's position or a mission.
import fp from 'fastify-plugin';
import { createKommuneLookup, type KommuneLookup } from '../geo/kommune-lookup.js';

declare module 'fastify' {
  interface FastifyInstance {
    kommuner: KommuneLookup;
  }
}

export const geoPlugin = fp(
  async (app) => {
    app.decorate('kommuner', createKommuneLookup());
  },
  { name: 'geo', fastify: '5.x' },
);
