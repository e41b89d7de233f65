import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { LogNotificationTransport } from './log-notification.transport.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';
import { NOTIFICATION_TRANSPORT, type NotificationTransport } from './notification-transport.js';
import { SmtpNotificationTransport } from './smtp-notification.transport.js';

export function notificationTransportFor(config: AppConfig): NotificationTransport {
  if (config.NOTIFICATION_TRANSPORT === 'smtp') {
    return new SmtpNotificationTransport({ url: config.SMTP_URL!, from: config.NOTIFICATION_FROM });
  }
  return new LogNotificationTransport();
}

/** The outbox dispatcher and its transport (log by default, SMTP when configured). */
@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [
        { provide: NOTIFICATION_TRANSPORT, useFactory: () => notificationTransportFor(config) },
        NotificationDispatcher,
      ],
      exports: [NotificationDispatcher],
    };
  }
}
