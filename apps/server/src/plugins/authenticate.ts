// Attaches the actor (a user with a session cookie, or an integration with a bearer key) to each
// request, and offers the guards routes declare: requireUser(roles) and requireIntegration.
import { ACTING_CENTRE_HEADER, type Role } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { Actor, IntegrationActor, UserActor } from '../auth/actor.js';
import { actingFor } from '../auth/centre-cover.js';
import type { IntegrationKeyService } from '../auth/integration-keys.service.js';
import { SESSION_COOKIE, type SessionService } from '../auth/sessions.service.js';
import { forbidden, reauthenticationNeeded, unauthorized } from '../lib/http-error.js';
import type { OriginPolicy } from './origin.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(
  app: FastifyInstance,
  deps: { prisma: Db; sessions: SessionService; keys: IntegrationKeyService; sameSite: OriginPolicy },
) {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    // Writes from a browser page must come from our own pages (CSRF): with a session cookie, and
    // also without one, so another site cannot log a console into its account (login CSRF).
    if (!SAFE_METHODS.has(request.method) && !deps.sameSite(request.headers)) {
      throw forbidden('auth.crossSite');
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await deps.keys.authenticate(header.slice(7).trim());
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await deps.sessions.authenticate(token);
    // A backup centre's operator working a taken-over centre's call or unit (§ 15 p) says so per request.
    const acting = request.headers[ACTING_CENTRE_HEADER];
    request.actor = user && typeof acting === 'string' && acting ? await actingFor(deps.prisma, user, acting) : user;
  });
}

// Guards run before validation: a caller who may not use a route learns nothing about its body.
export function requireUser(roles?: readonly Role[]): preValidationHookHandler {
  return async (request) => {
    const actor = request.actor;
    if (actor?.kind !== 'user') throw unauthorized('auth.logInFirst');
    if (roles && !roles.includes(actor.role)) {
      throw forbidden('auth.roleNotAllowed', { role: actor.role, allowed: roles.join(', ') });
    }
  };
}

/**
 * For a sensitive action (listening to a recording): a session an OpenID provider made must rest
 * on a sign-in there no older than reauthMaxAgeSeconds (its auth_time), else a 401 saying so, with
 * the address that signs in afresh in the X-Reauthenticate header. Local sessions are not affected.
 */
export const requireRecentSignIn: preValidationHookHandler = async (request) => {
  const actor = request.actor;
  if (actor?.kind !== 'user' || !actor.oidc) return;
  const maxAge = request.server.reauthMaxAgeSeconds;
  const authTime = actor.oidc.authTime?.getTime() ?? 0;
  if (Date.now() - authTime <= maxAge * 1000) return;
  const url = `/api/v1/auth/oidc/${actor.oidc.provider}/start?prompt=login&max_age=${maxAge}`;
  throw reauthenticationNeeded(url, 'auth.reauthenticate', { provider: actor.oidc.provider, seconds: maxAge, url });
};

export const requireIntegration: preValidationHookHandler = async (request) => {
  const actor = request.actor;
  if (actor?.kind !== 'integration') {
    throw unauthorized('auth.integrationsOnly');
  }
};

export const userOf = (request: FastifyRequest): UserActor => request.actor as UserActor;
export const integrationOf = (request: FastifyRequest): IntegrationActor => request.actor as IntegrationActor;
