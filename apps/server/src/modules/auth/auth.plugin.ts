// Logging in and out of the console: passwords (demo, local accounts) and OpenID providers.
import fp from 'fastify-plugin';
import { createOidcProviders } from '../../auth/oidc/oidc-clients.js';
import type { OidcProviderSettings } from '../../auth/oidc/oidc-settings.js';
import { API_V1 } from '../../lib/api-prefix.js';
import { authRoutes } from './auth.routes.js';
import { breakGlassRoutes } from './break-glass.routes.js';
import { oidcMappingRoutes } from './oidc-mappings.routes.js';
import { oidcRoutes } from './oidc.routes.js';

export const authModule = fp<{
  secureCookies: boolean;
  loginsPerAddress: number;
  loginsPerUsername: number;
  oidcProviders: readonly OidcProviderSettings[];
  production: boolean;
  publicUrl: string | undefined;
}>(
  async (app, opts) => {
    const { oidcProviders, production, publicUrl, ...login } = opts;
    await app.register(authRoutes({ sessions: app.sessions, prisma: app.prisma, ...login }), API_V1);
    const providers = createOidcProviders(oidcProviders, production);
    await app.register(
      oidcRoutes({ providers, sessions: app.sessions, prisma: app.prisma, secureCookies: opts.secureCookies, publicUrl }),
      API_V1,
    );
    await app.register(oidcMappingRoutes({ providers, prisma: app.prisma }), API_V1);
    // Closing a break-glass period ends the account's sessions where the period is what let it in.
    const breakGlassMatters = production && oidcProviders.length > 0;
    await app.register(
      breakGlassRoutes({
        prisma: app.prisma,
        sessionsEnd: (userId) => (breakGlassMatters ? app.sessions.endSessionsOfUser(userId) : Promise.resolve()),
      }),
      API_V1,
    );
  },
  { name: 'auth-module', fastify: '5.x', dependencies: ['auth'] },
);
