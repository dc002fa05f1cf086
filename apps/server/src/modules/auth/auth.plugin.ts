// Logging in and out of the console.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { authRoutes } from './auth.routes.js';

export const authModule = fp<{ secureCookies: boolean; loginsPerAddress: number; loginsPerUsername: number }>(
  async (app, opts) => {
    await app.register(authRoutes({ sessions: app.sessions, prisma: app.prisma, ...opts }), API_V1);
  },
  { name: 'auth-module', fastify: '5.x', dependencies: ['auth'] },
);
