// Errors a client caused and can act on, made by @fastify/sensible's httpErrors (http-errors
// instances carrying their status, and headers where one is due). The error handler turns them
// into their status code and `message`; anything else becomes a 500 whose details stay in the log.
import { httpErrors } from '@fastify/sensible';

export const {
  badRequest,
  forbidden,
  notFound,
  conflict,
  payloadTooLarge,
  unsupportedMediaType,
  rangeNotSatisfiable,
  unprocessableEntity,
  badGateway,
} = httpErrors;
export const unauthorized = (message = 'Not logged in') => httpErrors.unauthorized(message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  httpErrors.createError(429, message, { headers: { 'retry-after': String(retryAfterSeconds) } });
