// Configuration from the environment, checked once at start so a typo fails loudly, not at 03:00.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { OidcProvidersSetting } from './auth/oidc/oidc-settings.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  CONSOLE_DIST: z.string().default(resolve(repoRoot, 'apps/console/dist')),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  // Gateway for notifications to police, fire, HRS and other centres; without it they are
  // 'manual' (the operator phones and records the acknowledgement).
  NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  // An OSRM-compatible routing service for road travel times; without it, an estimate.
  ROUTING_URL: z.string().url().optional(),
  // The § 20 recording purge runs daily unless switched off here (e.g. on a read-only replica).
  PURGE_SCHEDULE: z.enum(['daily', 'off']).default('daily'),
  // Where recordings' sound is kept: files under DATA_DIR, or an S3-compatible store.
  BLOB_STORE: z.enum(['files', 's3']).default('files'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  // SMS gateway for akutthjelpere without the responder page; without it, development records
  // the messages and production reports such alerts as failed.
  SMS_GATEWAY_URL: z.string().url().optional(),
  // Seconds before too few accepted akutthjelpere make the next nearest be alerted.
  AKUTTHJELPER_ESCALATE_SECONDS: z.coerce.number().int().positive().default(60),
  // The address operators open, e.g. https://amk.helse-bergen.no (a comma-separated list if the
  // console is reached under several names). Browser pages from any other origin may neither log in,
  // write, nor open the live socket. Unset (development, tests): the page must come from the host
  // the request was sent to. Clients that send no Origin (integrations) are not affected.
  PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => !v || v.split(',').every((u) => URL.canParse(u.trim())), 'PUBLIC_URL must be a URL (or a comma-separated list of URLs)'),
  // Logins per client address and minute, across usernames (each username also has its own limit,
  // LOGINS_PER_USERNAME): a control room whose whole shift logs in from behind one address stays
  // well below it.
  LOGINS_PER_ADDRESS: z.coerce.number().int().positive().default(60),
  // Login attempts per username and client address and minute: guessing one password is slowed down.
  LOGINS_PER_USERNAME: z.coerce.number().int().positive().default(10),
  // Which proxies may tell the client's address in X-Forwarded-For: unset trusts none (the address
  // the socket came from is used, so the login limit and the audit log's addresses cannot be
  // forged); "true" trusts any, or a comma-separated list of addresses or CIDR ranges.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v): boolean | string[] => {
      if (!v || v === 'false') return false;
      if (v === 'true') return true;
      return v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }),
  // How long the database may keep a request waiting (milliseconds; 0 switches one off): a frozen
  // or overloaded database then costs a request a few seconds and a 503 with Retry-After.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(2_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
  // Port of the embedded PostgreSQL; by default the first free one from 5433 up, so a server
  // already listening on 5432 is never touched.
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().optional(),
  // The basemap (see modules/basemap): a MapLibre style URL, absolute or a path on this server;
  // unset, the offline outline map. MAP_FILES_DIR is served at /map-files/ (a local style, PMTiles).
  MAP_STYLE_URL: z
    .string()
    .optional()
    .refine((v) => !v || v.startsWith('/') || URL.canParse(v), 'MAP_STYLE_URL must be a URL or a path starting with /'),
  MAP_ATTRIBUTION: z.string().optional(),
  MAP_FILES_DIR: z.string().optional(),
  // OpenID Connect identity providers (HelseID, the hospital trust's Entra ID …): a JSON list, see
  // auth/oidc/oidc-settings.ts and the README. Unset: no single sign-on, local accounts only.
  OIDC_PROVIDERS: OidcProvidersSetting,
  // Seconds since the user last signed in at the provider (auth_time) after which a sensitive
  // action (listening to a recording) asks for a fresh sign-in. Local sessions are not affected.
  OIDC_REAUTH_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(900),
});

export type Config = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
