// Akutthjelpere: organisations and responders, alerts by SMS and app, and the job that escalates an
// alert nobody accepted.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { akutthjelperRoutes } from './akutthjelper.routes.js';
import { createBistandService } from './bistand.service.js';
import { createAlertingService } from './alerting.service.js';
import { createAkutthjelperJob, type AkutthjelperJob } from './escalation.js';
import { createOrganisationsService } from './organisations.service.js';
import { createResponderService } from './responder.service.js';
import { httpSmsGateway, noSmsGateway, recordingSmsGateway } from './sms-gateway.js';
import { createTestAlertsService } from './test-alerts.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    akutthjelperJob: AkutthjelperJob;
  }
}

export const akutthjelperModule = fp<{ smsGatewayUrl: string | undefined; production: boolean; escalateAfterMs: number }>(
  async (app, opts) => {
    const { prisma, transact } = app;
    // Without a gateway, production reports an alert's SMS as failed rather than pretend it was
    // sent; development keeps them in a recording stand-in (sms-gateway.ts).
    const sms = opts.smsGatewayUrl ? httpSmsGateway(opts.smsGatewayUrl) : opts.production ? noSmsGateway : recordingSmsGateway();
    const alerting = createAlertingService({ prisma, transact, channelName: app.notifications.channelName });
    const job = createAkutthjelperJob({ prisma, transact, alerting, sms, escalateAfterMs: opts.escalateAfterMs, log: app.log });
    app.decorate('akutthjelperJob', job);
    const testAlerts = createTestAlertsService({ prisma, sms });
    const bistand = createBistandService({ prisma, transact, sms });
    await app.register(
      akutthjelperRoutes({
        organisations: createOrganisationsService(prisma),
        alerting,
        responder: createResponderService({ prisma, transact, sms, testAlerts, bistand }),
        bistand,
        testAlerts,
        prisma,
      }),
      API_V1,
    );
    app.addHook('onReady', async () => job.start());
    app.addHook('preClose', () => job.stop());
  },
  { name: 'akutthjelper', fastify: '5.x', dependencies: ['realtime', 'notifications'] },
);
