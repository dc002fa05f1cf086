// Builds the whole server: external plugins, then our plugins, then routes (the fastify/demo
// order). Everything a route needs is created here and passed in, so tests can build the same app
// against their own database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createIntegrationKeyService } from './auth/integration-keys.service.js';
import { createSessionService } from './auth/sessions.service.js';
import type { Config } from './config.js';
import type { Db } from './db/prisma.js';
import { createKommuneLookup } from './geo/kommune-lookup.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { amlRoutes } from './modules/aml/aml.routes.js';
import { createAmlService } from './modules/aml/aml.service.js';
import { attachPositionsOnCall } from './modules/aml/attach-positions-on-call.js';
import { callRecordRoutes } from './modules/calls/call-record.routes.js';
import { createCallRecordService } from './modules/calls/call-record.service.js';
import { callsRoutes } from './modules/calls/calls.routes.js';
import { createIndicatorsService } from './modules/wall/indicators.service.js';
import { wallRoutes } from './modules/wall/wall.routes.js';
import { createWallService } from './modules/wall/wall.service.js';
import { rosterRoutes } from './modules/legevakt/roster.routes.js';
import { createRosterService } from './modules/legevakt/roster.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { centresRoutes } from './modules/centres/centres.routes.js';
import { kommunerRoutes } from './modules/centres/kommuner.routes.js';
import { akutthjelperRoutes } from './modules/akutthjelper/akutthjelper.routes.js';
import { republishMissionAlerts } from './modules/akutthjelper/alert-views.js';
import { createAlertingService } from './modules/akutthjelper/alerting.service.js';
import { createAkutthjelperJob, type AkutthjelperJob } from './modules/akutthjelper/escalation.js';
import { createOrganisationsService } from './modules/akutthjelper/organisations.service.js';
import { createResponderService } from './modules/akutthjelper/responder.service.js';
import { httpSmsGateway, noSmsGateway, recordingSmsGateway } from './modules/akutthjelper/sms-gateway.js';
import { fileBlobStore } from './modules/recordings/blob-store.js';
import { s3BlobStore, type S3Options } from './modules/recordings/s3-blob-store.js';
import { createPurge, schedulePurge, type Purge } from './modules/recordings/purge.js';
import { periodicJob } from './lib/periodic-job.js';
import { recordingsRoutes } from './modules/recordings/recordings.routes.js';
import { createRecordingsService, MAX_RECORDING_BYTES } from './modules/recordings/recordings.service.js';
import { linkRecordingsOnCall } from './modules/recordings/link-recordings-on-call.js';
import { missionsRoutes } from './modules/missions/missions.routes.js';
import { createMissionsService, type MissionsService } from './modules/missions/missions.service.js';
import { createRecommendationsService } from './modules/missions/recommendations.service.js';
import { osrmRouting } from './modules/missions/routing.js';
import { PositionStream } from './modules/units/position-stream.js';
import { createUnitAudience } from './modules/units/unit-audience.js';
import { unitsRoutes } from './modules/units/units.routes.js';
import { createUnitsService } from './modules/units/units.service.js';
import { manualChannel, webhookChannel } from './modules/notifications/channel.js';
import { createNotificationDispatcher, type NotificationDispatcher } from './modules/notifications/dispatcher.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { transfersRoutes } from './modules/transfers/transfers.routes.js';
import { createTransfersService } from './modules/transfers/transfers.service.js';
import { hospitalsRoutes } from './modules/major-incidents/hospitals.routes.js';
import { createHospitalsService } from './modules/major-incidents/hospitals.service.js';
import { majorIncidentsRoutes } from './modules/major-incidents/major-incidents.routes.js';
import { createMajorIncidentsService } from './modules/major-incidents/major-incidents.service.js';
import { triageRoutes } from './modules/triage/triage.routes.js';
import { createTriageService } from './modules/triage/triage.service.js';
import { telephonyRoutes } from './modules/calls/telephony.routes.js';
import { createTelephonyService } from './modules/calls/telephony.service.js';
import { createCallHooks } from './modules/calls/call-hooks.js';
import { createCallsService } from './modules/calls/calls.service.js';
import { callbacksRoutes } from './modules/callbacks/callbacks.routes.js';
import { createCallbacksService } from './modules/callbacks/callbacks.service.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { createAnswerTimeService } from './modules/stats/answer-times.service.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { snapshotRoutes } from './modules/snapshot/snapshot.routes.js';
import { createSnapshotService } from './modules/snapshot/snapshot.service.js';
import { registerAuthentication } from './plugins/authenticate.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerSafeInput } from './plugins/safe-input.js';
import { originPolicy } from './plugins/origin.js';
import { EventPump } from './realtime/event-pump.js';
import { broadcast, createSocketServer, type IoServer } from './realtime/socket-server.js';
import { createTransact } from './realtime/transact.js';

/** Any run of 11 digits (a fødselsnummer or d-nummer) becomes asterisks. */
const maskNationalIds = (text: string) => text.replace(/(?<!\d)\d{11}(?!\d)/g, '***********');

function s3Options(config: Partial<Config>): S3Options {
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) throw new Error('BLOB_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  return { endpoint, bucket, accessKeyId, secretAccessKey, region: config.S3_REGION ?? 'us-east-1' };
}

export interface AppDeps {
  config: Pick<Config, 'NODE_ENV' | 'LOG_LEVEL' | 'SESSION_TTL_HOURS' | 'CONSOLE_DIST' | 'DATA_DIR'> & Partial<Pick<Config, 'NOTIFY_WEBHOOK_URL' | 'ROUTING_URL' | 'PURGE_SCHEDULE' | 'SMS_GATEWAY_URL' | 'AKUTTHJELPER_ESCALATE_SECONDS' | 'TRUST_PROXY' | 'PUBLIC_URL' | 'LOGINS_PER_ADDRESS' | 'BLOB_STORE' | 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'>>;
  prisma: Db;
  databaseUrl: string;
  /** Where the log goes (default stdout); tests read it to prove what never appears there. */
  logStream?: NodeJS.WritableStream;
}

export interface App extends FastifyInstance {
  /** Every route as registered: what the authorisation matrix and fuzz tests walk through. */
  routeList: { method: string; url: string }[];
  io: IoServer;
  pump: EventPump;
  jobs: { notifications: NotificationDispatcher; purge: Purge; akutthjelper: AkutthjelperJob };
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
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskNationalIds(req.url), remoteAddress: req.ip }),
      },
      ...(logStream && { stream: logStream }),
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeList: App['routeList'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url });
  });

  // ── external plugins
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_RECORDING_BYTES, files: 1, fields: 10, fieldSize: 1024 } });
  // AML's HTTPS form; any other content type than JSON, text and forms is refused with 415.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  // The triage index import.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'AMK/LVS dispatch API', version: '1.0.0', description: 'Calls, units, missions and integrations. Bodies are the zod contracts in packages/contracts.' },
      components: { securitySchemes: { cookie: { type: 'apiKey', in: 'cookie', name: 'amk_session' }, bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // ── our plugins
  const sessions = createSessionService(prisma, { ttlHours: config.SESSION_TTL_HOURS, production });
  const keys = createIntegrationKeyService(prisma);
  registerErrorHandler(app);
  registerSafeInput(app);
  const sameSite = originPolicy(config.PUBLIC_URL);
  registerAuthentication(app, { sessions, keys, sameSite });

  let pump: EventPump | undefined;
  const io = createSocketServer(app.server, { sessions, prisma, pump: () => pump!, sameSite });
  pump = new EventPump({ prisma, databaseUrl, deliver: (event) => broadcast(io, event), log: app.log });
  const transact = createTransact(prisma, (committed) => pump!.offer(committed));

  // ── services
  const kommuner = createKommuneLookup();
  const aml = createAmlService({ prisma, transact, kommuneAt: kommuner.resolve });
  const callHooks = createCallHooks();
  const calls = createCallsService({ prisma, transact, resolveKommune: kommuner.kommunenummerAt, hooks: callHooks });
  const telephony = createTelephonyService({ prisma, transact });
  const answerTimes = createAnswerTimeService(prisma);
  const records = createCallRecordService({ prisma, transact, resolveKommune: kommuner.kommunenummerAt });
  const triage = createTriageService(prisma);
  const transfers = createTransfersService({ prisma, transact });
  const majorIncidents = createMajorIncidentsService({ prisma, transact });
  const hospitals = createHospitalsService({ prisma, transact });
  const channel = config.NOTIFY_WEBHOOK_URL ? webhookChannel(config.NOTIFY_WEBHOOK_URL) : manualChannel;
  const notifications = createNotificationsService({ prisma, transact, channelName: channel.name });
  const notificationDispatcher = createNotificationDispatcher({ transact, channel, log: app.log });
  const unitAudience = createUnitAudience(prisma);
  let missions: MissionsService | undefined;
  const units = createUnitsService({ prisma, transact, audience: unitAudience, hooks: () => missions! });
  const alerting = createAlertingService({ prisma, transact });
  missions = createMissionsService({ prisma, transact, units: () => units, resolveKommune: kommuner.kommunenummerAt, onChanged: republishMissionAlerts });
  const organisations = createOrganisationsService(prisma);
  const sms = config.SMS_GATEWAY_URL ? httpSmsGateway(config.SMS_GATEWAY_URL) : production ? noSmsGateway : recordingSmsGateway();
  const responder = createResponderService({ prisma, transact, sms });
  const akutthjelperJob = createAkutthjelperJob({ prisma, transact, alerting, sms, escalateAfterMs: (config.AKUTTHJELPER_ESCALATE_SECONDS ?? 60) * 1000, log: app.log });
  const recommendations = createRecommendationsService({ prisma, routing: config.ROUTING_URL ? osrmRouting(config.ROUTING_URL) : null });
  const positions = new PositionStream(databaseUrl, io, app.log);
  const blobs = config.BLOB_STORE === 's3' ? s3BlobStore(s3Options(config)) : fileBlobStore(join(config.DATA_DIR, 'recordings'));
  const recordings = createRecordingsService({ prisma, blobs });
  // When a call is registered: its early recordings are linked first, then its waiting position.
  linkRecordingsOnCall(callHooks, recordings);
  attachPositionsOnCall(callHooks, aml);
  const purge = createPurge({ prisma, databaseUrl, blobs });
  const snapshot = createSnapshotService(prisma, { transfersFor: transfers.listFor, notificationsFor: notifications.listForCentre, missionsFor: missions.listOpen });


  // ── routes
  await app.register(healthRoutes({ prisma }));
  await app.register(
    async (api) => {
      await api.register(authRoutes({ sessions, prisma, secureCookies: production, loginsPerAddress: config.LOGINS_PER_ADDRESS ?? 60 }));
      await api.register(callsRoutes({ calls, prisma }));
      await api.register(telephonyRoutes({ telephony }));
      await api.register(callbacksRoutes({ callbacks: createCallbacksService({ prisma, transact }) }));
      await api.register(amlRoutes({ aml }));
      await api.register(statsRoutes({ answerTimes }));
      await api.register(callRecordRoutes({ records }));
      await api.register(triageRoutes({ triage }));
      await api.register(transfersRoutes({ transfers, prisma }));
      await api.register(majorIncidentsRoutes({ majorIncidents, prisma }));
      await api.register(hospitalsRoutes({ hospitals }));
      await api.register(notificationsRoutes({ notifications, prisma }));
      await api.register(unitsRoutes({ units }));
      await api.register(missionsRoutes({ missions, recommendations }));
      await api.register(recordingsRoutes({ recordings, purge, prisma }));
      await api.register(akutthjelperRoutes({ organisations, alerting, responder, prisma }));
      await api.register(centresRoutes({ prisma }));
      await api.register(kommunerRoutes({ prisma }));
      await api.register(auditRoutes({ prisma }));
      await api.register(rosterRoutes({ roster: createRosterService(prisma) }));
      await api.register(wallRoutes({ wall: createWallService({ prisma, answerTimes, recommendations }), indicators: createIndicatorsService({ prisma, answerTimes }) }));
      await api.register(snapshotRoutes({ snapshot }));
    },
    { prefix: '/api/v1' },
  );

  // ── the console (built by `pnpm build`), with client-side routes falling back to index.html
  if (existsSync(join(config.CONSOLE_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.CONSOLE_DIST, wildcard: false, index: ['index.html'] });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path.startsWith('/api/') || path.startsWith('/socket.io') || path.includes('.')) {
        return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route GET ${path}` });
      }
      return reply.sendFile('index.html');
    });
  }

  // Day roll-ups of answer times are built in the background (hourly, and soon after start).
  const answerTimeRollup = periodicJob('answer-time roll-up', () => answerTimes.warm(), 3_600_000, app.log);
  let firstRollup: NodeJS.Timeout | undefined;
  let stopPurgeSchedule: (() => void) | undefined;
  app.addHook('onReady', async () => {
    await pump!.start();
    await positions.start();
    notificationDispatcher.start();
    akutthjelperJob.start();
    answerTimeRollup.start();
    firstRollup = setTimeout(() => answerTimeRollup.runOnce().catch((err) => app.log.warn({ err }, 'answer-time roll-up failed; it will run again')), 30_000);
    firstRollup.unref();
    if (config.PURGE_SCHEDULE !== 'off') stopPurgeSchedule = schedulePurge(purge, app.log);
  });
  app.addHook('preClose', async () => {
    stopPurgeSchedule?.();
    clearTimeout(firstRollup);
    await answerTimeRollup.stop();
    io.close();
    await notificationDispatcher.stop();
    await akutthjelperJob.stop();
    await positions.stop();
    await pump!.stop();
  });

  return Object.assign(app, { routeList, io, pump, jobs: { notifications: notificationDispatcher, purge, akutthjelper: akutthjelperJob } }) as unknown as App;
}
