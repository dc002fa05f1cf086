// Why a sign-in through an identity provider was refused, in words for the error page (bokmål and
// English) and a short reason for the audit log. openid-client's checks throw coded errors; each is
// turned into a 4xx naming the problem (a wrong state, a replayed code, a token from another
// issuer, for another client, expired, or with a bad signature). Only a provider that cannot be
// reached is a 502: then the fault is neither the user's nor ours.
import * as client from 'openid-client';

export class OidcFailure extends Error {
  constructor(
    readonly status: number,
    /** Short and stable, for the audit log and tests: 'state_mismatch', 'wrong_audience' … */
    readonly reason: string,
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export const fail = (status: number, reason: string, nb: string, en: string) => new OidcFailure(status, reason, nb, en);

type Coded = Error & { code?: string; cause?: unknown; error?: string; error_description?: string };

/** openid-client wraps oauth4webapi's error (message and details) in its own: the inner one names the claim. */
function detailsOf(err: Coded): { claim?: string; message: string } {
  const inner = err.cause instanceof Error ? (err.cause as Coded) : err;
  const cause = inner.cause as { claim?: unknown } | undefined;
  return { ...(typeof cause?.claim === 'string' && { claim: cause.claim }), message: inner.message ?? err.message };
}

/** Any error from the code exchange and the ID token's checks, as an OidcFailure. */
export function fromClientError(e: unknown): OidcFailure {
  if (e instanceof OidcFailure) return e;
  const err = e as Coded;
  if (e instanceof client.ResponseBodyError && (err.error === 'invalid_dpop_proof' || /\bDPoP\b/.test(err.error_description ?? ''))) {
    // The provider binds this client's tokens to a key (HelseID does) and had no proof, or refused
    // it: the provider's setting here lacks dpop: true, or the proof was wrong. Providers that say
    // so (RFC 9449's invalid_dpop_proof, or a description naming DPoP) get this page; others a
    // plain invalid_grant, below.
    return fail(
      400,
      'dpop_refused',
      'Identitetsleverandøren krever et gyldig DPoP-bevis for denne klienten. Be administrator slå på dpop for leverandøren.',
      `The identity provider requires a valid DPoP proof for this client (${err.error}: ${err.error_description ?? 'no description'}); the provider's setting may need dpop: true.`,
    );
  }
  if (e instanceof client.ResponseBodyError) {
    // The token endpoint refused: a code used before (replay), expired, or a PKCE verifier that does not match.
    return fail(
      400,
      `provider_refused_${err.error ?? 'error'}`,
      `Identitetsleverandøren avviste påloggingskoden (${err.error}): den er brukt før, utløpt eller hører til en annen pålogging.`,
      `The identity provider refused the sign-in code (${err.error}: ${err.error_description ?? 'no description'}): it was used before, has expired or belongs to another sign-in.`,
    );
  }
  if (e instanceof client.AuthorizationResponseError) {
    return fail(
      400,
      `provider_error_${err.error ?? 'error'}`,
      `Identitetsleverandøren fullførte ikke påloggingen (${err.error}).`,
      `The identity provider did not complete the sign-in (${err.error}: ${err.error_description ?? 'no description'}).`,
    );
  }
  const { claim, message } = detailsOf(err);
  if (err.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (claim === 'iss')
      return fail(
        400,
        'unknown_issuer',
        'ID-tokenet er utstedt av en ukjent utsteder (iss).',
        `The ID token is from an unknown issuer: ${message}.`,
      );
    if (claim === 'aud' || claim === 'azp')
      return fail(
        400,
        'wrong_audience',
        'ID-tokenet er utstedt til en annen klient (aud).',
        `The ID token is for another client (wrong audience): ${message}.`,
      );
    if (claim === 'nonce')
      return fail(
        400,
        'nonce_mismatch',
        'ID-tokenet hører til en annen pålogging (nonce).',
        `The ID token belongs to another sign-in (nonce): ${message}.`,
      );
    return fail(400, 'claim_mismatch', 'ID-tokenet har en ugyldig verdi.', `The ID token has an unexpected value: ${message}.`);
  }
  if (err.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    if (claim === 'auth_time')
      return fail(
        401,
        'auth_too_old',
        'Innloggingen hos identitetsleverandøren er for gammel.',
        `The sign-in at the provider is too old: ${message}.`,
      );
    return fail(
      400,
      'token_expired',
      'ID-tokenet er utløpt eller ikke gyldig ennå.',
      `The ID token has expired or is not valid yet: ${message}.`,
    );
  }
  if (/signature verification failed/.test(message) || err.code === 'OAUTH_KEY_SELECTION_FAILED') {
    return fail(400, 'bad_signature', 'ID-tokenets signatur er ugyldig.', `The ID token's signature is not valid: ${message}.`);
  }
  if (
    err.code === 'OAUTH_INVALID_RESPONSE' ||
    err.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    err.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED'
  ) {
    return fail(
      400,
      'invalid_response',
      'Svaret fra identitetsleverandøren er ugyldig.',
      `The identity provider's answer is not valid: ${message}.`,
    );
  }
  if (err.code === 'OAUTH_INVALID_REQUEST' || err instanceof TypeError) {
    return fail(400, 'invalid_callback', 'Tilbakekallet fra identitetsleverandøren er ugyldig.', `The callback is not valid: ${message}.`);
  }
  return fail(
    502,
    'provider_unreachable',
    'Identitetsleverandøren svarer ikke nå. Prøv igjen om litt.',
    `The identity provider cannot be reached right now (${message || 'unknown error'}); try again shortly.`,
  );
}
