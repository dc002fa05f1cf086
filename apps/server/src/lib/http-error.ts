// Errors a client caused and can act on, made by @fastify/sensible's httpErrors (http-errors
// instances carrying their status, and headers where one is due). Each names a message of the
// catalogue (messages/en.ts, messages/nb.ts) by its code with the message's `{vars}`; the error
// handler writes it in the request's language and sends the code along. The error's own `message`
// is the English text, for logs and for code that reads it. Anything else becomes a 500 whose
// details stay in the log.
import { httpErrors } from '@fastify/sensible';
import type { Message, MessageArgs, MessageCode } from '../messages/catalogue.js';
import { render } from '../messages/render.js';

/** An error whose answer is a catalogue message. */
export interface LocalizedError {
  statusCode: number;
  message: string;
  apiMessage: Message;
}

export function isLocalized(err: unknown): err is LocalizedError {
  return typeof err === 'object' && err !== null && 'apiMessage' in err;
}

function localized(status: number, message: Message, headers?: Record<string, string>) {
  return httpErrors.createError(status, render('en', message), { apiMessage: message, ...(headers && { headers }) });
}

const helper =
  (status: number) =>
  <K extends MessageCode>(code: K, ...args: MessageArgs<K>) =>
    localized(status, args[0] ? { code, params: args[0] } : { code });

export const badRequest = helper(400);
export const unauthorized = helper(401);
export const forbidden = helper(403);
export const notFound = helper(404);
export const conflict = helper(409);
export const payloadTooLarge = helper(413);
export const unsupportedMediaType = helper(415);
export const rangeNotSatisfiable = helper(416);
export const unprocessableEntity = helper(422);
export const badGateway = helper(502);

export const tooManyRequests = <K extends MessageCode>(retryAfterSeconds: number, code: K, ...args: MessageArgs<K>) =>
  localized(429, args[0] ? { code, params: args[0] } : { code }, { 'retry-after': String(retryAfterSeconds) });

/** A 401 that also tells the client where to sign in afresh (the X-Reauthenticate header). */
export const reauthenticationNeeded = <K extends MessageCode>(url: string, code: K, ...args: MessageArgs<K>) =>
  localized(401, args[0] ? { code, params: args[0] } : { code }, { 'x-reauthenticate': url });
