import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ScreeningEntity } from './screening.entity.js';

/**
 * One link of a screening's hash chain. Append-only: the database refuses UPDATE and DELETE (trigger),
 * and `eventKey` makes an activity retry a no-op instead of a second event.
 */
@Entity({ name: 'audit_events' })
@Index('uq_audit_events_screening_seq', ['screeningId', 'seq'], { unique: true })
@Index('uq_audit_events_screening_event_key', ['screeningId', 'eventKey'], { unique: true })
@Index('ix_audit_events_occurred_at_id', ['occurredAt', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_audit_events' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_audit_events_screening' })
  screening?: ScreeningEntity;

  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'event_key', type: 'text' })
  eventKey: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb' })
  data: object;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
