// PostgreSQL refuses NUL characters and broken Unicode in text; a request carrying them must be a
// 400 naming the field, not a 500 from deep in a query. This hook checks every route's body, query
// string and path parameters with the contracts' rule once they have passed their schema (so the
// route's guards still answer first), including routes whose body has no schema (AML text, CSV).
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@amk/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './error-handler.js';

const PARTS = ['params', 'querystring', 'body'] as const;

export const safeInputPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preHandler', async (request, reply) => {
      const values = { params: request.params, querystring: request.query, body: request.body };
      for (const part of PARTS) {
        const at = findUnsafeText(values[part]);
        if (!at) continue;
        const path = [part, ...at].join('.');
        return sendError(
          request,
          reply,
          400,
          { code: 'request.unsafeText', params: { path } },
          { issues: [{ path, message: UNSAFE_TEXT_MESSAGE }] },
        );
      }
    });
  },
  { name: 'safe-input', fastify: '5.x' },
);
