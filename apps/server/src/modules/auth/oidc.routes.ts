// Signing in through an OpenID provider (issue 18): the authorization code flow with PKCE, state
// and nonce. /start keeps the verifier and nonce server-side (OidcLogin, found by the state's hash
// and bound to this browser by a cookie holding the state) and sends the browser to the provider;
// /callback uses them once, lets openid-client check the code exchange (with a DPoP proof when the
// provider's setting asks) and the ID token, maps the claims to a centre and role, and makes the
// same session a password login makes. Every refusal is an error page and an audit entry, never a
// session.
import { ApiError, OidcProviderList } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import { errorPage } from '../../auth/oidc/error-page.js';
import { createLogoutTokenVerifier, LogoutTokenError } from '../../auth/oidc/logout-token.js';
import type { OidcProvider } from '../../auth/oidc/oidc-clients.js';
import { fail, fromClientError, type OidcFailure } from '../../auth/oidc/oidc-errors.js';
import { mapClaims, upsertOidcUser } from '../../auth/oidc/oidc-users.js';
import { type SessionService, setSessionCookie } from '../../auth/sessions.service.js';
import { sha256 } from '../../auth/tokens.js';
import { API_V1 } from '../../lib/api-prefix.js';
import { notFound } from '../../lib/http-error.js';
import { writeAudit } from '../audit/audit.service.js';

const STATE_COOKIE = 'amk_oidc_state';
/** How long a started sign-in may take at the provider (entering a password, a second factor). */
const PENDING_MS = 10 * 60_000;

/**
 * A DPoP handle with a key pair made for this one sign-in: the tokens are used only to read the
 * ID token here, so the key need not outlive the request. openid-client signs the proof and,
 * when the provider answers use_dpop_nonce, retries once with the provider's nonce.
 */
const dpopHandle = async (config: client.Configuration) => client.getDPoPHandle(config, await client.randomDPoPKeyPair());

const IdParams = z.object({ id: z.string().max(100) });
const StartQuery = z.object({
  prompt: z.enum(['login']).optional(),
  max_age: z.coerce.number().int().min(0).max(86_400).optional(),
  /** A path in the console to come back to (only this server's: never another site). */
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])/, 'returnTo must be a path on this server')
    .optional(),
});
const CallbackQuery = z.object({
  code: z.string().max(4_000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1_000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

export const oidcRoutes =
  (deps: {
    providers: Map<string, OidcProvider>;
    sessions: SessionService;
    prisma: Db;
    secureCookies: boolean;
    publicUrl: string | undefined;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const cookiePath = `${API_V1.prefix}/auth/oidc/`;
    /** The address the provider sends the browser back to: PUBLIC_URL's, or the one this request came to. */
    const callbackUrl = (request: FastifyRequest, id: string) => {
      const base = deps.publicUrl?.split(',')[0]?.trim().replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
      return `${base}${API_V1.prefix}/auth/oidc/${id}/callback`;
    };

    const refuse = async (request: FastifyRequest, reply: FastifyReply, providerId: string, failure: OidcFailure, detail = {}) => {
      await writeAudit(deps.prisma, null, {
        action: 'auth.oidc.refused',
        entityType: 'OidcProvider',
        entityId: providerId.slice(0, 100),
        detail: { reason: failure.reason, ...detail },
        ip: request.ip,
      });
      reply.clearCookie(STATE_COOKIE, { path: cookiePath });
      return reply.status(failure.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(errorPage(failure));
    };

    app.get(
      '/auth/oidc/providers',
      { schema: { tags: ['auth'], summary: 'Identity providers the login page offers', response: { 200: OidcProviderList } } },
      async () => ({
        providers: [...deps.providers.values()].map(({ settings }) => ({
          id: settings.id,
          label: settings.label,
          startUrl: `${API_V1.prefix}/auth/oidc/${settings.id}/start`,
        })),
      }),
    );

    app.get(
      '/auth/oidc/:id/start',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sends the browser to the identity provider (prompt=login and max_age ask for a fresh sign-in)',
          params: IdParams,
          querystring: StartQuery,
        },
      },
      async (request, reply) => {
        const provider = deps.providers.get(request.params.id);
        if (!provider) throw notFound('oidc.unknownProvider', { id: request.params.id });
        let config: client.Configuration;
        try {
          config = await provider.configuration();
        } catch (err) {
          return refuse(request, reply, provider.settings.id, fromClientError(err));
        }
        const state = client.randomState();
        const nonce = client.randomNonce();
        const codeVerifier = client.randomPKCECodeVerifier();
        const { max_age: maxAge, prompt, returnTo } = request.query;
        await deps.prisma.oidcLogin.deleteMany({ where: { expiresAt: { lt: new Date() } } });
        await deps.prisma.oidcLogin.create({
          data: {
            stateHash: sha256(state),
            providerId: provider.settings.id,
            codeVerifier,
            nonce,
            maxAge: maxAge ?? null,
            returnTo: returnTo ?? null,
            expiresAt: new Date(Date.now() + PENDING_MS),
          },
        });
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: callbackUrl(request, provider.settings.id),
          scope: provider.settings.scopes,
          code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          state,
          nonce,
          ...(maxAge !== undefined && { max_age: String(maxAge) }),
          ...(prompt && { prompt }),
        });
        // Lax: the provider's redirect back is a top-level GET, which carries it; another site's POST does not.
        reply.setCookie(STATE_COOKIE, state, {
          path: cookiePath,
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.secureCookies,
          maxAge: PENDING_MS / 1000,
        });
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      '/auth/oidc/:id/callback',
      {
        schema: {
          tags: ['auth'],
          summary: 'Where the identity provider sends the browser back; makes a session or shows why not',
          params: IdParams,
          querystring: CallbackQuery,
        },
      },
      async (request, reply) => {
        const provider = deps.providers.get(request.params.id);
        if (!provider) throw notFound('oidc.unknownProvider', { id: request.params.id });
        const id = provider.settings.id;
        const { state } = request.query;
        let subject: string | undefined;
        try {
          if (!state)
            throw fail(
              400,
              'missing_state',
              'Svaret fra identitetsleverandøren mangler state.',
              'The answer from the identity provider has no state parameter.',
            );
          if (request.cookies[STATE_COOKIE] !== state) {
            throw fail(
              400,
              'state_mismatch',
              'Svaret hører ikke til en pålogging startet i denne nettleseren (state stemmer ikke).',
              'The answer does not belong to a sign-in started in this browser (the state does not match).',
            );
          }
          // Deleting it is what makes it single use: a second callback with the same state finds nothing.
          const pending = (
            await deps.prisma.$queryRaw<
              { codeVerifier: string; nonce: string; maxAge: number | null; returnTo: string | null; providerId: string; expiresAt: Date }[]
            >`
              DELETE FROM "OidcLogin" WHERE "stateHash" = ${sha256(state)}
              RETURNING "codeVerifier", "nonce", "maxAge", "returnTo", "providerId", "expiresAt"`
          )[0];
          if (!pending || pending.providerId !== id || pending.expiresAt.getTime() < Date.now()) {
            throw fail(
              400,
              'state_unknown',
              'Påloggingen er allerede brukt eller utløpt (state er ukjent). Start påloggingen på nytt.',
              'This sign-in was already used or has expired (unknown state). Start the sign-in again.',
            );
          }
          const config = await provider.configuration();
          const currentUrl = new URL(callbackUrl(request, id));
          currentUrl.search = new URLSearchParams(request.query as Record<string, string>).toString();
          const tokens = await client.authorizationCodeGrant(
            config,
            currentUrl,
            {
              pkceCodeVerifier: pending.codeVerifier,
              expectedState: state,
              expectedNonce: pending.nonce,
              idTokenExpected: true,
              ...(pending.maxAge !== null && { maxAge: pending.maxAge }),
            },
            undefined,
            provider.settings.dpop ? { DPoP: await dpopHandle(config) } : undefined,
          );
          const claims = tokens.claims()!;
          subject = claims.sub;
          const mapped = await mapClaims(deps.prisma, provider.settings, claims);
          const user = await upsertOidcUser(deps.prisma, provider.settings, claims, mapped);
          if (user.disabled) throw fail(403, 'user_disabled', 'Brukeren er sperret her.', 'This user is disabled here.');
          // Without auth_time (the provider sends it only when asked), the token's issue time: a
          // sign-in at the provider is at least that old.
          const authTime = new Date((typeof claims.auth_time === 'number' ? claims.auth_time : claims.iat) * 1000);
          const { sessionMaxSeconds } = provider.settings;
          const { token, actor, expiresAt } = await deps.sessions.createForOidcUser(user.id, {
            provider: id,
            subject: claims.sub,
            sid: typeof claims.sid === 'string' ? claims.sid : null,
            authTime,
            providerSessionEndsAt: sessionMaxSeconds ? new Date(authTime.getTime() + sessionMaxSeconds * 1000) : null,
          });
          const hpr = await deps.prisma.user.findUnique({ where: { id: user.id }, select: { hprNumber: true } });
          await writeAudit(deps.prisma, actor, {
            action: 'auth.login',
            entityType: 'User',
            entityId: actor.userId,
            detail: { provider: id, ...(hpr?.hprNumber && { hprNumber: hpr.hprNumber }) },
            ip: request.ip,
          });
          reply.clearCookie(STATE_COOKIE, { path: cookiePath });
          setSessionCookie(reply, { token, expiresAt }, deps.secureCookies);
          return reply.redirect(pending.returnTo ?? '/', 303);
        } catch (err) {
          const failure = fromClientError(err);
          if (failure.status >= 500) request.log.warn({ provider: id, reason: failure.en }, 'identity provider unreachable');
          return refuse(request, reply, id, failure, subject ? { subject } : {});
        }
      },
    );

    const verifiers = new Map<string, ReturnType<typeof createLogoutTokenVerifier>>();
    app.post(
      '/auth/oidc/:id/backchannel-logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'OpenID Connect Back-Channel Logout: the provider ends a session; its sockets close',
          params: IdParams,
          body: z.object({ logout_token: z.string().min(1).max(20_000) }),
          response: {
            200: z.null(),
            // the spec's error answer for a refused token; ApiError for a malformed request
            400: z.union([z.object({ error: z.literal('invalid_request'), error_description: z.string() }), ApiError]),
            404: ApiError,
            502: ApiError,
          },
        },
      },
      async (request, reply) => {
        const provider = deps.providers.get(request.params.id);
        if (!provider) throw notFound('oidc.unknownProvider', { id: request.params.id });
        const id = provider.settings.id;
        reply.header('cache-control', 'no-store');
        let verify = verifiers.get(id);
        if (!verify) {
          const config = await provider.configuration().catch(() => null);
          const meta = config?.serverMetadata();
          if (!meta?.jwks_uri)
            return reply.status(502).send({
              statusCode: 502,
              error: 'Bad Gateway',
              message: 'The identity provider cannot be reached to check the logout token',
            });
          verify = createLogoutTokenVerifier({ issuer: meta.issuer, jwksUri: meta.jwks_uri, clientId: provider.settings.clientId });
          verifiers.set(id, verify);
        }
        try {
          const { sub, sid } = await verify(request.body.logout_token);
          const ended = await deps.sessions.endOidcSessions(id, { ...(sid && { sid }), ...(sub && { subject: sub }) });
          await writeAudit(deps.prisma, null, {
            action: 'auth.oidc.backchannel_logout',
            entityType: 'OidcProvider',
            entityId: id,
            detail: { ...(sub && { subject: sub }), ...(sid && { sid }), sessionsEnded: ended },
            ip: request.ip,
          });
          return reply.status(200).send(null);
        } catch (err) {
          if (!(err instanceof LogoutTokenError)) throw err;
          await writeAudit(deps.prisma, null, {
            action: 'auth.oidc.backchannel_refused',
            entityType: 'OidcProvider',
            entityId: id,
            detail: { reason: err.message.slice(0, 300) },
            ip: request.ip,
          });
          return reply.status(400).send({ error: 'invalid_request', error_description: err.message });
        }
      },
    );
  };
