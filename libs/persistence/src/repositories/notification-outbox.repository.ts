import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { NotificationEntity } from '../entities/notification.entity.js';

export interface QueuedNotification {
  screeningId: string;
  key: string;
  kind: string;
  audience: string;
  recipient: string | null;
  data: Record<string, unknown>;
}

/** How long a claimed message stays invisible to other dispatchers while one of them sends it. */
const CLAIM_LEASE_MS = 60_000;

export class NotificationOutboxRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Queues a message once: the same screening + key again is a no-op (activity retries). With `manager`,
   * inside the caller's transaction, so the message is queued exactly when what it announces is stored.
   */
  async enqueue(message: QueuedNotification, manager: EntityManager = this.db.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(message as QueryDeepPartialEntity<NotificationEntity>)
      .orIgnore()
      .execute();
  }

  /**
   * Takes up to `limit` due messages for sending. Rows are locked with SKIP LOCKED and leased (pushed
   * out by a minute), so several workers never send the same message, and a worker that dies mid-send
   * leaves it to be retried when the lease ends.
   */
  async claimDue(limit: number): Promise<NotificationEntity[]> {
    const rows: NotificationEntity[] = await this.db.query(
      `UPDATE notification_outbox SET attempts = attempts + 1,
              next_attempt_at = now() + ($2 || ' milliseconds')::interval
        WHERE id IN (SELECT id FROM notification_outbox
                      WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, screening_id AS "screeningId", notification_key AS "key", kind, audience, recipient,
                  data, status, attempts, next_attempt_at AS "nextAttemptAt", created_at AS "createdAt"`,
      [limit, String(CLAIM_LEASE_MS)],
    );
    return rows[0] && Array.isArray(rows[0]) ? (rows[0] as unknown as NotificationEntity[]) : rows;
  }

  async markSent(id: string): Promise<void> {
    await this.db
      .getRepository(NotificationEntity)
      .update({ id }, { status: 'sent', sentAt: new Date(), lastError: null });
  }

  /** Nothing can deliver this message (e.g. no address for it): kept, with the reason, and not retried. */
  async markSkipped(id: string, reason: string): Promise<void> {
    await this.db.getRepository(NotificationEntity).update({ id }, { status: 'skipped', lastError: reason });
  }

  /** A failed attempt: retried at `retryAt`, or given up (status failed) when that is null. */
  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db
      .getRepository(NotificationEntity)
      .update(
        { id },
        retryAt ? { lastError: error, nextAttemptAt: retryAt } : { status: 'failed', lastError: error },
      );
  }

  forScreening(screeningId: string): Promise<NotificationEntity[]> {
    return this.db
      .getRepository(NotificationEntity)
      .find({ where: { screeningId }, order: { createdAt: 'ASC', key: 'ASC' } });
  }
}
