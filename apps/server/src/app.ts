// Builds the whole server in tiers, as fastify/demo does: external plugins (security headers,
// @fastify/sensible's HTTP errors, body parsers, the API document), then infrastructure (database,
// auth, the event log and sockets, error handling), then one plugin per module, each in its own
// folder as `<module>.plugin.ts`, declaring with fastify-plugin what it depends on. Modules share
// services as decorators on the instance (typed where they are declared) and react to each other's
// changes through typed hooks (`app.callHooks`, `app.unitHooks`) rather than wiring here. Plugins
// are registered explicitly, not autoloaded: the order below is the order a newcomer reads, and the
// one hooks run in.
import fastifySensible from '@fastify/sensible';
import { createServer } from 'node:http';
import { PositionIntake } from './realtime/position-intake.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler } from './lib/response-serializer.js';
import type { Config } from './config.js';
import type { Db } from '@amk/db';
import { akutthjelperModule } from './modules/akutthjelper/akutthjelper.plugin.js';
import { amlModule } from './modules/aml/aml.plugin.js';
import { auditModule } from './modules/audit/audit.plugin.js';
import { authModule } from './modules/auth/auth.plugin.js';
import { callbacksModule } from './modules/callbacks/callbacks.plugin.js';
import { callsModule } from './modules/calls/calls.plugin.js';
import { centresModule } from './modules/centres/centres.plugin.js';
import { usersModule } from './modules/users/users.plugin.js';
import { healthModule } from './modules/health/health.plugin.js';
import { legevaktModule } from './modules/legevakt/legevakt.plugin.js';
import { majorIncidentsModule } from './modules/major-incidents/major-incidents.plugin.js';
import { missionsModule } from './modules/missions/missions.plugin.js';
import { notificationsModule } from './modules/notifications/notifications.plugin.js';
import { MAX_RECORDING_BYTES } from './modules/recordings/recordings.service.js';
import { recordingsModule } from './modules/recordings/recordings.plugin.js';
import { snapshotModule } from './modules/snapshot/snapshot.plugin.js';
import { statsModule } from './modules/stats/stats.plugin.js';
import { takeoversModule } from './modules/takeovers/takeovers.plugin.js';
import { mutualAidModule } from './modules/mutual-aid/mutual-aid.plugin.js';
import { transfersModule } from './modules/transfers/transfers.plugin.js';
import { triageModule } from './modules/triage/triage.plugin.js';
import { unitsModule } from './modules/units/units.plugin.js';
import { wallModule } from './modules/wall/wall.plugin.js';
import { authPlugin } from './plugins/auth.js';
import { consolePagesPlugin } from './plugins/console-pages.js';
import { basemapModule } from './modules/basemap/basemap.plugin.js';
import { databasePlugin } from './plugins/database.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { bodyParsersPlugin } from './plugins/external/body-parsers.js';
import { openApiPlugin } from './plugins/external/openapi.js';
import { compressionPlugin } from './plugins/external/compression.js';
import { securityPlugin } from './plugins/external/security.js';
import { geoPlugin } from './plugins/geo.js';
import { realtimePlugin } from './plugins/realtime.js';
import { priorityGatePlugin } from './plugins/priority-gate.js';
import { safeInputPlugin } from './plugins/safe-input.js';
import type { AkutthjelperJob } from './modules/akutthjelper/escalation.js';
import type { NotificationDispatcher } from './modules/notifications/dispatcher.js';
import type { Purge } from './modules/recordings/purge.js';
import type { PeriodicJob } from './lib/periodic-job.js';

/** Any run of 11 digits (a fødselsnummer or d-nummer) becomes asterisks. */
const maskNationalIds = (text: string) => text.replace(/(?<!\d)\d{11}(?!\d)/g, '***********');
/** A sign-in's authorization code and state (the OIDC callback's query) never reach the log either. */
const maskSignInCodes = (url: string) => url.replace(/([?&](?:code|state|session_state)=)[^&]*/g, '$1***');

export interface AppDeps {
  config: Pick<Config, 'NODE_ENV' | 'LOG_LEVEL' | 'SESSION_TTL_HOURS' | 'CONSOLE_DIST' | 'DATA_DIR'> &
    Partial<
      Pick<
        Config,
        | 'NOTIFY_WEBHOOK_URL'
        | 'ROUTING_URL'
        | 'PURGE_SCHEDULE'
        | 'SMS_GATEWAY_URL'
        | 'AKUTTHJELPER_ESCALATE_SECONDS'
        | 'TRUST_PROXY'
        | 'PUBLIC_URL'
        | 'LOGINS_PER_ADDRESS'
        | 'LOGINS_PER_USERNAME'
        | 'BLOB_STORE'
        | 'S3_ENDPOINT'
        | 'S3_BUCKET'
        | 'S3_REGION'
        | 'S3_ACCESS_KEY_ID'
        | 'S3_SECRET_ACCESS_KEY'
        | 'MAP_STYLE_URL'
        | 'MAP_ATTRIBUTION'
        | 'MAP_FILES_DIR'
        | 'OIDC_PROVIDERS'
        | 'OIDC_REAUTH_MAX_AGE_SECONDS'
      >
    >;
  prisma: Db;
  databaseUrl: string;
  /** Where the log goes (default stdout); tests read it to prove what never appears there. */
  logStream?: NodeJS.WritableStream;
}

export interface App extends FastifyInstance {
  /** Every route as registered: what the authorisation matrix and fuzz tests walk through. */
  routeList: { method: string; url: string }[];
  /** Background jobs that tests run by hand rather than wait for. */
  jobs: { notifications: NotificationDispatcher; purge: Purge; akutthjelper: AkutthjelperJob; takeoverSweep: PeriodicJob<unknown> };
}

export async function buildApp({ config, prisma, databaseUrl, logStream }: AppDeps): Promise<App> {
  const production = config.NODE_ENV === 'production';
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Patient data and secrets never reach the log.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', 'nationalId', '*.nationalId', 'body'],
      serializers: {
        // Only method and path reach the log, with anything shaped like a fødselsnummer masked:
        // a client may put one in a query string, and the log must not keep it.
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: maskSignInCodes(maskNationalIds(req.url)),
          remoteAddress: req.ip,
        }),
      },
      ...(logStream && { stream: logStream }),
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY ?? false,
    // Calls first on the way in: position reports wait in their own queue, one taken per turn of
    // the event loop, so no call waits behind a flood of them (realtime/position-intake.ts).
    serverFactory: (handler) => createServer(new PositionIntake(handler).handle),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeList: App['routeList'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url });
  });

  // ── external
  await app.register(securityPlugin);
  await app.register(compressionPlugin);
  // httpErrors (app.httpErrors, reply.notFound(), …); services throw the same errors via lib/http-error.
  await app.register(fastifySensible);
  await app.register(bodyParsersPlugin, { maxUploadBytes: MAX_RECORDING_BYTES });
  await app.register(openApiPlugin);

  // ── infrastructure
  await app.register(errorHandlerPlugin);
  await app.register(safeInputPlugin);
  await app.register(databasePlugin, { prisma, databaseUrl });
  await app.register(priorityGatePlugin);
  await app.register(authPlugin, {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    production,
    publicUrl: config.PUBLIC_URL,
    reauthMaxAgeSeconds: config.OIDC_REAUTH_MAX_AGE_SECONDS ?? 900,
    // With single sign-on in production, password logins are for break-glass only.
    localNeedsBreakGlass: production && (config.OIDC_PROVIDERS?.length ?? 0) > 0,
  });
  await app.register(realtimePlugin);
  await app.register(geoPlugin);

  // ── modules (an order their declared dependencies accept)
  await app.register(healthModule);
  await app.register(authModule, {
    secureCookies: production,
    loginsPerAddress: config.LOGINS_PER_ADDRESS ?? 60,
    loginsPerUsername: config.LOGINS_PER_USERNAME ?? 10,
    oidcProviders: config.OIDC_PROVIDERS ?? [],
    production,
    publicUrl: config.PUBLIC_URL,
  });
  await app.register(callsModule);
  // Recordings subscribe to a registered call before AML: early recordings are linked first.
  await app.register(recordingsModule, {
    blobStore: config.BLOB_STORE,
    dataDir: config.DATA_DIR,
    s3: {
      endpoint: config.S3_ENDPOINT,
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    },
    purgeSchedule: config.PURGE_SCHEDULE,
  });
  await app.register(amlModule);
  await app.register(callbacksModule);
  await app.register(statsModule);
  await app.register(triageModule);
  await app.register(transfersModule);
  await app.register(notificationsModule, { webhookUrl: config.NOTIFY_WEBHOOK_URL });
  await app.register(majorIncidentsModule);
  await app.register(unitsModule);
  await app.register(missionsModule, { routingUrl: config.ROUTING_URL });
  await app.register(akutthjelperModule, {
    smsGatewayUrl: config.SMS_GATEWAY_URL,
    production,
    escalateAfterMs: (config.AKUTTHJELPER_ESCALATE_SECONDS ?? 60) * 1000,
  });
  await app.register(centresModule);
  await app.register(takeoversModule);
  await app.register(mutualAidModule);
  await app.register(usersModule);
  await app.register(auditModule);
  await app.register(legevaktModule);
  await app.register(wallModule);
  await app.register(snapshotModule);
  await app.register(basemapModule, {
    styleUrl: config.MAP_STYLE_URL,
    attribution: config.MAP_ATTRIBUTION,
    filesDir: config.MAP_FILES_DIR,
  });

  // ── the console's pages
  await app.register(consolePagesPlugin, { consoleDist: config.CONSOLE_DIST });

  const jobs = {
    notifications: app.notificationDispatcher,
    purge: app.purge,
    akutthjelper: app.akutthjelperJob,
    takeoverSweep: app.takeoverSweep,
  };
  return Object.assign(app, { routeList, jobs }) as unknown as App;
}
