// One openid-client Configuration per configured provider, discovered on first use and kept (a
// failed discovery is retried on the next sign-in, so a provider that was down at start is not
// stuck as broken). openid-client is the OpenID-certified relying party library; it checks the
// ID token (signature, iss, aud, exp, nonce, auth_time) so this code does not.
import { importJWK, type JWK } from 'jose';
import * as client from 'openid-client';
import type { OidcProviderSettings } from './oidc-settings.js';

export interface OidcProvider {
  settings: OidcProviderSettings;
  /** The provider's discovered configuration (throws when the provider cannot be reached). */
  configuration(): Promise<client.Configuration>;
}

/** Plain HTTP only to a provider on this machine, and never in production (tests, a local test provider). */
function allowsHttp(issuer: string, production: boolean): boolean {
  const { protocol, hostname } = new URL(issuer);
  return !production && protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost');
}

async function clientAuth(settings: OidcProviderSettings): Promise<client.ClientAuth> {
  if (settings.clientAuth.method === 'client_secret_basic') return client.ClientSecretBasic(settings.clientAuth.secret);
  const jwk = settings.clientAuth.privateJwk as JWK;
  const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
  const key = (await importJWK(jwk, alg)) as CryptoKey;
  return client.PrivateKeyJwt({ key, ...(jwk.kid && { kid: jwk.kid }) });
}

export function createOidcProviders(list: readonly OidcProviderSettings[], production: boolean): Map<string, OidcProvider> {
  const providers = new Map<string, OidcProvider>();
  for (const settings of list) {
    let discovered: Promise<client.Configuration> | null = null;
    const discover = async () => {
      const insecure = allowsHttp(settings.issuer, production);
      // Non-repudiation: the ID token's signature is checked against the provider's keys even though
      // it came straight from the token endpoint (the spec lets a client skip that; we do not).
      const execute = [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])];
      return client.discovery(new URL(settings.issuer), settings.clientId, undefined, await clientAuth(settings), { timeout: 10, execute });
    };
    providers.set(settings.id, {
      settings,
      configuration() {
        discovered ??= discover().catch((err) => {
          discovered = null;
          throw err;
        });
        return discovered;
      },
    });
  }
  return providers;
}
