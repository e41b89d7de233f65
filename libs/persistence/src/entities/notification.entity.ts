import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ScreeningEntity } from './screening.entity.js';

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * The notification outbox: the workflow queues a message here through an activity (idempotent on
 * screening + key) and the worker's dispatcher sends it, so a message is neither lost nor sent twice
 * when an activity retries or a process stops mid-way.
 */
@Entity({ name: 'notification_outbox' })
@Index('uq_notification_outbox_screening_key', ['screeningId', 'key'], { unique: true })
@Index('ix_notification_outbox_due', ['status', 'nextAttemptAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification_outbox' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_notification_outbox_screening' })
  screening?: ScreeningEntity;

  @Column({ name: 'notification_key', type: 'text' })
  key: string;

  /** e.g. declaration.reminder, review.escalated. */
  @Column({ type: 'text' })
  kind: string;

  /** supplier, buyer, reviewer or approver. */
  @Column({ type: 'text' })
  audience: string;

  /** An e-mail address, or a role pool / user id when no address is known. */
  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
