// Cookies, security headers and the rate limiter that routes opt into (login, per address).
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

export const securityPlugin = fp(
  async (app) => {
    await app.register(fastifyCookie);
    await app.register(fastifyHelmet, {
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
    await app.register(fastifyRateLimit, { global: false });
  },
  { name: 'security', fastify: '5.x' },
);
