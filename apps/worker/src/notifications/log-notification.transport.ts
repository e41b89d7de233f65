import { Logger } from '@nestjs/common';
import type { DeliveryResult, NotificationTransport, OutgoingMessage } from './notification-transport.js';

/** Writes one structured line per message. Addresses are personal data: only the audience kind is logged. */
export class LogNotificationTransport implements NotificationTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const to = message.to.includes('@') ? 'email' : message.to;
    this.logger.log(
      JSON.stringify({ event: 'notification', kind: message.kind, screeningId: message.screeningId, to }),
    );
    return { delivered: true };
  }
}
