// Who is asking: sessions (consoles), integration keys (terminals, telephony, the recorder) and the
// same-site rule for writes and sockets. Every request gets its actor here (authenticate.ts).
import fp from 'fastify-plugin';
import { createIntegrationKeyService, type IntegrationKeyService } from '../auth/integration-keys.service.js';
import { createSessionService, type SessionService } from '../auth/sessions.service.js';
import { registerAuthentication } from './authenticate.js';
import { originPolicy, type OriginPolicy } from './origin.js';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionService;
    integrationKeys: IntegrationKeyService;
    sameSite: OriginPolicy;
    /** Seconds after an OpenID sign-in (auth_time) when a sensitive action asks for a fresh one. */
    reauthMaxAgeSeconds: number;
  }
}

export const authPlugin = fp<{
  sessionTtlHours: number;
  production: boolean;
  publicUrl: string | undefined;
  reauthMaxAgeSeconds: number;
  localNeedsBreakGlass: boolean;
}>(
  async (app, opts) => {
    const sessions = createSessionService(app.prisma, {
      ttlHours: opts.sessionTtlHours,
      production: opts.production,
      localNeedsBreakGlass: opts.localNeedsBreakGlass,
    });
    const integrationKeys = createIntegrationKeyService(app.prisma);
    const sameSite = originPolicy(opts.publicUrl);
    registerAuthentication(app, { prisma: app.prisma, sessions, keys: integrationKeys, sameSite });
    app.decorate('sessions', sessions);
    app.decorate('integrationKeys', integrationKeys);
    app.decorate('sameSite', sameSite);
    app.decorate('reauthMaxAgeSeconds', opts.reauthMaxAgeSeconds);
  },
  { name: 'auth', fastify: '5.x', dependencies: ['database', 'security'] },
);
