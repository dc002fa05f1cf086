// Every error answer has the ApiError shape with a message a person can act on. Client mistakes
// (validation, bad JSON, wrong content type, too large) are 4xx; only our own faults are 500, and
// their details go to the log, not to the client.
import { STATUS_CODES } from 'node:http';
import { HttpError } from '@fastify/sensible';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isBadInputForDatabase, isDatabaseUnavailable, postgresCode } from '@amk/db';

// The reason phrase for a status, as Node and http-errors name it ('Not Found', 'Conflict', …).
const reason = (status: number) => STATUS_CODES[status] ?? 'Error';

export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const issues = err.validation.map((v) => ({
          path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'invalid',
        }));
        const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        return reply.status(400).send({ statusCode: 400, error: 'Bad Request', message, issues });
      }
      if (err instanceof HttpError) {
        return reply
          .status(err.statusCode)
          .headers(err.headers ?? {})
          .send({ statusCode: err.statusCode, error: reason(err.statusCode), message: err.message });
      }
      if (isDatabaseUnavailable(err)) {
        request.log.warn({ err: { message: err.message } }, 'database unavailable');
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({ statusCode: 503, error: reason(503), message: 'The database is not reachable right now; retry shortly' });
      }
      if (isBadInputForDatabase(err)) {
        // The database refused a value the contracts let through; the client sent it, so it is a 400.
        request.log.warn({ sqlstate: postgresCode(err) }, 'value refused by the database'); // the value itself may be patient data
        return reply.status(400).send({
          statusCode: 400,
          error: reason(400),
          message: 'A value in the request cannot be stored (a NUL character, broken text, or a date or number out of range)',
        });
      }
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
      if (status < 500) {
        // Fastify's own client errors: bad JSON, wrong content type, body too large, etc.
        return reply.status(status).send({ statusCode: status, error: reason(status), message: err.message });
      }
      request.log.error({ err }, 'unhandled error');
      return reply
        .status(500)
        .send({ statusCode: 500, error: reason(500), message: 'Something went wrong on our side; it has been logged' });
    });

    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${request.url.split('?')[0]}` }),
    );
  },
  { name: 'error-handler', fastify: '5.x' },
);
