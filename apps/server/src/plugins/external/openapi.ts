// The OpenAPI document, generated from the routes' zod schemas, and its browsable page.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const openApiPlugin = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        info: {
          title: 'AMK/LVS dispatch API',
          version: '1.0.0',
          description: 'Calls, units, missions and integrations. Bodies are the zod contracts in packages/contracts.',
        },
        components: {
          securitySchemes: { cookie: { type: 'apiKey', in: 'cookie', name: 'amk_session' }, bearer: { type: 'http', scheme: 'bearer' } },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi', fastify: '5.x' },
);
