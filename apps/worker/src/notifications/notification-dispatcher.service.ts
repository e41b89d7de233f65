// Sends what the workflow queued in the notification outbox. Every worker runs one; row leases keep
// them from sending the same message twice. Failed sends are retried with a growing delay.
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  NotificationOutboxRepository,
  type NotificationEntity,
} from '../../../../libs/persistence/src/index.js';
import { renderNotification } from './notification-messages.js';
import { NOTIFICATION_TRANSPORT, type NotificationTransport } from './notification-transport.js';
import { SmtpRejectedError } from './smtp-notification.transport.js';

const POLL_INTERVAL_MS = 1_000;
const BATCH_SIZE = 20;
/** Retry delays after each failed attempt; after the last one the message is marked failed. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];

@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationDispatcher');
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(NotificationOutboxRepository) private readonly outbox: NotificationOutboxRepository,
    @Inject(NOTIFICATION_TRANSPORT) private readonly transport: NotificationTransport,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(`sending notifications through the ${this.transport.name} transport`);
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends every due message once; returns how many were taken. Public so tests can drive it. */
  async dispatchDue(): Promise<number> {
    const due = await this.outbox.claimDue(BATCH_SIZE);
    for (const message of due) await this.deliver(message);
    return due.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.dispatchDue()
        .catch((error: unknown) => this.logger.warn(`outbox poll failed: ${String(error)}`))
        .then(() => undefined)
        .finally(() => this.schedule());
    }, POLL_INTERVAL_MS);
  }

  private async deliver(message: NotificationEntity): Promise<void> {
    const { subject, text } = renderNotification(message.kind, message.data);
    try {
      const result = await this.transport.send({
        to: message.recipient ?? `role:${message.audience}`,
        subject,
        text,
        kind: message.kind,
        screeningId: message.screeningId,
      });
      if (result.delivered) await this.outbox.markSent(message.id);
      else await this.outbox.markSkipped(message.id, result.reason);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[message.attempts - 1];
      const permanent = error instanceof SmtpRejectedError || delay === undefined;
      await this.outbox.markFailed(
        message.id,
        String((error as Error)?.message ?? error),
        permanent ? null : new Date(Date.now() + delay),
      );
      this.logger.warn(
        `notification ${message.kind} for ${message.screeningId} failed (attempt ${message.attempts})${permanent ? '; giving up' : ''}`,
      );
    }
  }
}
