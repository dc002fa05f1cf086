// Answer times (§ 12 b, § 15 d): the figures, and their day roll-ups built in the background.
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { periodicJob } from '../../lib/periodic-job.js';
import { createAnswerTimeService, type AnswerTimeService } from './answer-times.service.js';
import { statsRoutes } from './stats.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    answerTimes: AnswerTimeService;
  }
}

export const statsModule = fp(
  async (app) => {
    const answerTimes = createAnswerTimeService(app.prisma);
    app.decorate('answerTimes', answerTimes);
    await app.register(statsRoutes({ answerTimes }), API_V1);

    // Hourly, and once soon after start.
    const rollup = periodicJob('answer-time roll-up', () => answerTimes.warm(), 3_600_000, app.log);
    let first: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      rollup.start();
      first = setTimeout(
        () => rollup.runOnce().catch((err) => app.log.warn({ err }, 'answer-time roll-up failed; it will run again')),
        30_000,
      );
      first.unref();
    });
    app.addHook('preClose', async () => {
      clearTimeout(first);
      await rollup.stop();
    });
  },
  { name: 'stats', fastify: '5.x', dependencies: ['database'] },
);
