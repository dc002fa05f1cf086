// Notifications to other centres and services (§ 15 e–f), and the job that sends those leaving the
// installation through their channel (a webhook, or by hand).
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { manualChannel, webhookChannel } from './channel.js';
import { createNotificationDispatcher, type NotificationDispatcher } from './dispatcher.js';
import { notificationsRoutes } from './notifications.routes.js';
import { createNotificationsService, type NotificationsService } from './notifications.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    notifications: NotificationsService;
    notificationDispatcher: NotificationDispatcher;
  }
}

export const notificationsModule = fp<{ webhookUrl: string | undefined }>(
  async (app, { webhookUrl }) => {
    const { prisma, transact } = app;
    const channel = webhookUrl ? webhookChannel(webhookUrl) : manualChannel;
    const notifications = createNotificationsService({ prisma, transact, channelName: channel.name });
    const dispatcher = createNotificationDispatcher({ transact, channel, log: app.log });
    app.decorate('notifications', notifications);
    app.decorate('notificationDispatcher', dispatcher);
    await app.register(notificationsRoutes({ notifications, prisma }), API_V1);
    app.addHook('onReady', async () => dispatcher.start());
    app.addHook('preClose', () => dispatcher.stop());
  },
  { name: 'notifications', fastify: '5.x', dependencies: ['realtime'] },
);
