// Appends to and reads a screening's hash chain. Appending locks the screening row, so two writers
// never take the same sequence number, and returns the stored event when its key was written before.
import type { DataSource } from 'typeorm';
import { AuditEventEntity, ScreeningEntity } from '../../persistence/src/index.js';
import { GENESIS_HASH, hashAuditEvent, type ChainLink } from './hash-chain.js';

export interface AppendAuditEvent {
  screeningId: string;
  eventKey: string;
  occurredAt: string;
  actor: { userId: string; role: string };
  action: string;
  data: Record<string, unknown>;
}

export class AuditEventRepository {
  constructor(private readonly db: DataSource) {}

  async append(event: AppendAuditEvent): Promise<{ seq: number; hash: string; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const screening = await tx
        .getRepository(ScreeningEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: event.screeningId })
        .getOne();
      if (!screening) throw new Error(`audit: screening ${event.screeningId} does not exist`);
      const events = tx.getRepository(AuditEventEntity);
      const existing = await events.findOneBy({ screeningId: event.screeningId, eventKey: event.eventKey });
      if (existing) return { seq: existing.seq, hash: existing.hash, created: false };
      const last = await events.findOne({ where: { screeningId: event.screeningId }, order: { seq: 'DESC' } });
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const occurredAt = new Date(event.occurredAt).toISOString();
      const hash = hashAuditEvent(prevHash, {
        screeningId: event.screeningId,
        seq,
        eventKey: event.eventKey,
        occurredAt,
        actor: { id: event.actor.userId, role: event.actor.role },
        action: event.action,
        data: event.data,
      });
      await events.insert({
        screeningId: event.screeningId,
        seq,
        eventKey: event.eventKey,
        occurredAt: new Date(occurredAt),
        actorId: event.actor.userId,
        actorRole: event.actor.role,
        action: event.action,
        data: event.data,
        prevHash,
        hash,
      });
      await tx.getRepository(ScreeningEntity).update({ id: event.screeningId }, { auditHeadHash: hash });
      return { seq, hash, created: true };
    });
  }

  list(screeningId: string): Promise<AuditEventEntity[]> {
    return this.db.getRepository(AuditEventEntity).find({ where: { screeningId }, order: { seq: 'ASC' } });
  }

  async chain(screeningId: string): Promise<ChainLink[]> {
    return (await this.list(screeningId)).map(toChainLink);
  }
}

export function toChainLink(row: AuditEventEntity): ChainLink {
  return {
    screeningId: row.screeningId,
    seq: row.seq,
    eventKey: row.eventKey,
    occurredAt: row.occurredAt.toISOString(),
    actor: { id: row.actorId, role: row.actorRole },
    action: row.action,
    data: row.data as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
