// Cookies, security headers and the rate limiter that routes opt into (login, per address).
// The headers are helmet's, its middleware built once: @fastify/helmet built a new one (and parsed
// the CSP again) for every request, a measurable share of the server's CPU at 500 position
// reports a second; we used none of its per-route options.
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { INTEGRATIONS_PREFIX } from '../../lib/api-prefix.js';

export const securityPlugin = fp(
  async (app) => {
    await app.register(fastifyCookie);
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          // MapLibre draws in a worker made from a blob.
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          fontSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: null,
        },
      },
    });
    app.addHook('onRequest', (request, reply, done) => {
      if (request.routeOptions.url?.startsWith(INTEGRATIONS_PREFIX)) return done();
      securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
    });
    await app.register(fastifyRateLimit, { global: false });
  },
  { name: 'security', fastify: '5.x' },
);
