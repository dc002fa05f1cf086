// Every error answer has the ApiError shape with a message a person can act on, in the language the
// request asks for (Accept-Language; English when it names none), and the message's stable `code`.
// Client mistakes (validation, bad JSON, wrong content type, too large) are 4xx; only our own faults
// are 500, and their details go to the log, not to the client.
import { STATUS_CODES } from 'node:http';
import { HttpError } from '@fastify/sensible';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isBadInputForDatabase, isDatabaseUnavailable, postgresCode } from '@amk/db';
import { isLocalized } from '../lib/http-error.js';
import type { Message } from '../messages/catalogue.js';
import { languageOf, render } from '../messages/render.js';

// The reason phrase for a status, as Node and http-errors name it ('Not Found', 'Conflict', …).
const reason = (status: number) => STATUS_CODES[status] ?? 'Error';

/** The answer to a request that failed: status, reason, the message in the request's language and its code. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: Message,
  extra: { issues?: { path: string; message: string }[] } = {},
) {
  const text = render(languageOf(request.headers['accept-language']), message);
  return reply.status(status).send({ statusCode: status, error: reason(status), message: text, code: message.code, ...extra });
}

export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(err)) {
        const issues = err.validation.map((v) => ({
          path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          message: v.message ?? 'invalid',
        }));
        // The issues stay as zod words them (they name fields); the summary is the reader's language.
        const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        return sendError(request, reply, 400, { code: 'request.invalid', params: { issues: summary } }, { issues });
      }
      if (err instanceof HttpError) {
        reply.headers(err.headers ?? {});
        const message: Message = isLocalized(err) ? err.apiMessage : { code: 'request.refused', params: { detail: err.message } };
        return sendError(request, reply, err.statusCode, message);
      }
      if (isDatabaseUnavailable(err)) {
        request.log.warn({ err: { message: err.message } }, 'database unavailable');
        reply.header('retry-after', '5');
        return sendError(request, reply, 503, { code: 'server.databaseUnavailable' });
      }
      if (isBadInputForDatabase(err)) {
        // The database refused a value the contracts let through; the client sent it, so it is a 400.
        request.log.warn({ sqlstate: postgresCode(err) }, 'value refused by the database'); // the value itself may be patient data
        return sendError(request, reply, 400, { code: 'request.unstorableValue' });
      }
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
      if (status < 500) {
        // Fastify's own client errors: bad JSON, wrong content type, body too large, etc.
        return sendError(request, reply, status, { code: 'request.refused', params: { detail: err.message } });
      }
      request.log.error({ err }, 'unhandled error');
      return sendError(request, reply, 500, { code: 'server.internalError' });
    });

    app.setNotFoundHandler((request, reply) =>
      sendError(request, reply, 404, { code: 'route.notFound', params: { method: request.method, path: request.url.split('?')[0]! } }),
    );
  },
  { name: 'error-handler', fastify: '5.x' },
);
