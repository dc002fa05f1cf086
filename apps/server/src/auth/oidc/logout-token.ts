// Checks a back-channel logout token as OpenID Connect Back-Channel Logout 1.0 § 2.6 says: signed
// by the provider's key (its JWKS), issued by it, for our client, recent, with the back-channel
// logout event, a sub or a sid, no nonce, and not seen before (jti). jose does the JWT checks.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** How old a logout token may be (iat); also how long its jti is remembered against replay. */
const MAX_AGE_SECONDS = 300;

export class LogoutTokenError extends Error {}

export function createLogoutTokenVerifier(opts: { issuer: string; jwksUri: string; clientId: string }) {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUri));
  const seen = new Map<string, number>(); // jti → when it may be forgotten

  return async function verify(token: string): Promise<{ sub?: string; sid?: string }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: opts.issuer,
        audience: opts.clientId,
        maxTokenAge: MAX_AGE_SECONDS,
        requiredClaims: ['iat', 'jti'],
      }));
    } catch (err) {
      if (err instanceof errors.JOSEError || err instanceof TypeError) throw new LogoutTokenError(`logout_token refused: ${err.message}`);
      throw err;
    }
    const events = payload.events as Record<string, unknown> | undefined;
    if (!events || typeof events[EVENT] !== 'object' || events[EVENT] === null)
      throw new LogoutTokenError(`logout_token refused: its "events" claim lacks ${EVENT}`);
    if ('nonce' in payload) throw new LogoutTokenError('logout_token refused: it carries a nonce (it is not a logout token)');
    const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
    const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (!sub && !sid) throw new LogoutTokenError('logout_token refused: it names neither a sub nor a sid');
    const now = Date.now();
    for (const [jti, until] of seen) if (until < now) seen.delete(jti);
    if (seen.has(payload.jti!)) throw new LogoutTokenError('logout_token refused: this token (jti) was used before');
    seen.set(payload.jti!, now + 2 * MAX_AGE_SECONDS * 1000);
    return { ...(sub && { sub }), ...(sid && { sid }) };
  };
}
