// A real OpenID provider in the test process (oidc-provider, the certified Node.js implementation):
// private-key JWT client authentication, PKCE required, back-channel logout, optionally a client
// whose tokens must be DPoP-bound (nonces required), and accounts whose
// claims carry a centre group, a role group and an HPR number. Its login page is a minimal form
// (a username, no password) so tests and the browser test can sign in as any of its accounts.
// Also a "rogue" provider that hands out ID tokens spoilt on purpose (another issuer, another
// audience, expired, a bad signature), for the checks a real provider never gives cause for.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';

export const CLIENT_ID = 'amk-console';
/** A second client whose tokens the provider binds to a DPoP key (HelseID's profile): it refuses a token request without a proof. */
export const DPOP_CLIENT_ID = 'amk-console-dpop';

/** The console's key pair for private_key_jwt: the private half goes into OIDC_PROVIDERS. */
export async function clientKeys(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

export type AccountClaims = Record<string, unknown>;

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

const readBody = (req: IncomingMessage) =>
  new Promise<URLSearchParams>((resolve) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
  });

const loginForm = (uid: string, error = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label>Username <input name="login" autocomplete="username"></label>
${error && `<p role="alert">${error}</p>`}
<button type="submit">Sign in</button>
</form></main></body></html>`;

export interface TestProvider {
  issuer: string;
  provider: Provider;
  close(): Promise<void>;
}

export async function startTestProvider(opts: {
  port: number;
  /** Where the server under test listens, e.g. http://127.0.0.1:3299 (its callback and logout URLs). */
  rpUrl: string;
  providerId: string;
  clientPublicJwk: JWK;
  accounts: Record<string, AccountClaims>;
  /** The server's provider ids that sign in as DPOP_CLIENT_ID (with and without dpop: true). */
  dpopProviderIds?: string[];
}): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'op-key', alg: 'RS256', use: 'sig' };
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [opts.clientPublicJwk as never] },
        redirect_uris: [`${opts.rpUrl}/api/v1/auth/oidc/${opts.providerId}/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        backchannel_logout_uri: `${opts.rpUrl}/api/v1/auth/oidc/${opts.providerId}/backchannel-logout`,
        backchannel_logout_session_required: true,
      },
      ...(opts.dpopProviderIds?.length
        ? [
            {
              client_id: DPOP_CLIENT_ID,
              token_endpoint_auth_method: 'private_key_jwt',
              token_endpoint_auth_signing_alg: 'ES256',
              jwks: { keys: [opts.clientPublicJwk as never] },
              redirect_uris: opts.dpopProviderIds.map((id) => `${opts.rpUrl}/api/v1/auth/oidc/${id}/callback`),
              response_types: ['code'],
              grant_types: ['authorization_code'],
              dpop_bound_access_tokens: true,
            } satisfies ClientMetadata,
          ]
        : []),
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: ['a test key that signs the provider cookies'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      // Nonces required, as a careful provider does: the client's first proof is answered with
      // use_dpop_nonce, so a sign-in that succeeds has also retried with the provider's nonce.
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], amk: ['groups', 'roles', 'hpr_number'] },
    scopes: ['openid', 'profile', 'amk'],
    ttl: { Interaction: 600, Session: 3_600, Grant: 3_600, AccessToken: 600, IdToken: 600 },
    // As HelseID and Entra ID do: the claims are in the ID token itself.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => {
      const claims = opts.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The provider guards its outgoing requests (the back-channel logout) against local addresses;
    // here the relying party is on 127.0.0.1 on purpose, so its guarding dispatcher is left out.
    fetch: (url, init) => {
      const { dispatcher: _guard, ...options } = (init ?? {}) as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, options);
    },
    // A first-party client: every requested scope is granted without a consent page.
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      const grant =
        (existing && (await Grant.find(existing))) ||
        new Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile amk');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const match = req.url?.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!match) return handle(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(details.uid));
        return;
      }
      const login = (await readBody(req)).get('login') ?? '';
      if (!opts.accounts[login]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(details.uid, 'Unknown user'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  await listen(server, opts.port);
  return { issuer, provider, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type RogueMode = 'ok' | 'unknown_issuer' | 'wrong_audience' | 'expired' | 'bad_signature' | 'dpop_required';

/**
 * A provider that spoils its ID tokens as told: its discovery, authorization and token endpoints
 * are just enough for the authorization code flow, so the server's own checks are what refuse.
 */
export async function startRogueProvider(
  port: number,
  accountClaims: AccountClaims,
): Promise<{ issuer: string; mode: RogueMode; close(): Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const good = await generateKeyPair('RS256', { extractable: true });
  const bad = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(good.publicKey)), kid: 'rogue-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, string>(); // code → nonce
  const state = { issuer, mode: 'ok' as RogueMode, close: async () => {} };
  const json = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, { keys: [publicJwk] });
    if (url.pathname === '/auth') {
      const code = randomUUID();
      codes.set(code, url.searchParams.get('nonce') ?? '');
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const nonce = codes.get((await readBody(req)).get('code') ?? '') ?? '';
      const now = Math.floor(Date.now() / 1000);
      const m = state.mode;
      if (m === 'dpop_required') {
        // As RFC 9449 has a provider say it when a client whose tokens it binds sends no proof.
        res.writeHead(400, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'invalid_dpop_proof', error_description: 'DPoP proof is required for this client' }));
      }
      const idToken = await new SignJWT({ ...accountClaims, nonce, auth_time: now })
        .setProtectedHeader({ alg: 'RS256', kid: 'rogue-key' })
        .setIssuer(m === 'unknown_issuer' ? 'https://idp.example.invalid' : issuer)
        .setAudience(m === 'wrong_audience' ? 'another-client' : CLIENT_ID)
        .setSubject('rogue-user')
        .setIssuedAt(m === 'expired' ? now - 7_200 : now)
        .setExpirationTime(m === 'expired' ? now - 3_600 : now + 300)
        .sign(m === 'bad_signature' ? bad.privateKey : good.privateKey);
      return json(res, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    res.writeHead(404).end();
    return undefined;
  });
  await listen(server, port);
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
