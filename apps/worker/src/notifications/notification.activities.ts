// The workflow's queueNotification activity: resolves who receives the message (the supplier's contact
// address, the starting buyer, a role pool) and queues it once in the outbox.
import type { NotificationRequest } from '../../../../libs/contracts/src/index.js';
import type {
  NotificationOutboxRepository,
  ScreeningRepository,
} from '../../../../libs/persistence/src/index.js';

export interface NotificationActivityDeps {
  outbox: NotificationOutboxRepository;
  screenings: ScreeningRepository;
}

export function createNotificationActivities(deps: NotificationActivityDeps) {
  return {
    async queueNotification(request: NotificationRequest): Promise<void> {
      await deps.outbox.enqueue({
        screeningId: request.screeningId,
        key: request.key,
        kind: request.kind,
        audience: request.audience,
        recipient: await recipientFor(deps.screenings, request),
        data: request.data,
      });
    },
  };
}

async function recipientFor(
  screenings: ScreeningRepository,
  request: NotificationRequest,
): Promise<string | null> {
  switch (request.audience) {
    case 'supplier':
      return (await screenings.findById(request.screeningId))?.contactEmail ?? null;
    case 'buyer': {
      const startedBy = (await screenings.findById(request.screeningId))?.startedBy;
      return startedBy ? `user:${startedBy}` : null;
    }
    default:
      return `role:${request.audience}`;
  }
}
