import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { ReadModelSnapshot, ScreeningStatus } from '../../../contracts/src/index.js';
import { ScreeningEntity } from '../entities/screening.entity.js';

export interface ScreeningListFilter {
  status?: ScreeningStatus;
  tenderId?: string;
  limit: number;
  offset: number;
}

export class ScreeningRepository {
  constructor(private readonly db: DataSource) {}

  findById(id: string): Promise<ScreeningEntity | null> {
    return this.db.getRepository(ScreeningEntity).findOneBy({ id });
  }

  findByTenderAndSupplier(tenderId: string, supplierKey: string): Promise<ScreeningEntity | null> {
    return this.db.getRepository(ScreeningEntity).findOneBy({ tenderId, supplierKey });
  }

  findByIdempotencyKey(key: string): Promise<ScreeningEntity | null> {
    return this.db.getRepository(ScreeningEntity).findOneBy({ idempotencyKey: key });
  }

  findByTender(tenderId: string): Promise<ScreeningEntity[]> {
    return this.db.getRepository(ScreeningEntity).find({ where: { tenderId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Inserts the screening unless the same tender + supplier (or the same idempotency key) exists,
   * and returns whichever row now stands. Safe under concurrent identical requests.
   */
  async insertOrGetExisting(
    row: Partial<ScreeningEntity>,
  ): Promise<{ screening: ScreeningEntity; created: boolean }> {
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(ScreeningEntity)
      .values(row as QueryDeepPartialEntity<ScreeningEntity>)
      .orIgnore()
      .returning('id')
      .execute();
    const created = inserted.raw.length > 0;
    const screening =
      (created ? await this.findById(row.id!) : null) ??
      (row.idempotencyKey ? await this.findByIdempotencyKey(row.idempotencyKey) : null) ??
      (await this.findByTenderAndSupplier(row.tenderId!, row.supplierKey!));
    if (!screening) throw new Error(`screening ${row.id} neither inserted nor found`);
    return { screening, created };
  }

  async list(filter: ScreeningListFilter): Promise<{ items: ScreeningEntity[]; total: number }> {
    const query = this.db.getRepository(ScreeningEntity).createQueryBuilder('s');
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.tenderId) query.andWhere('s.tender_id = :tenderId', { tenderId: filter.tenderId });
    const [items, total] = await query
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Copies the workflow's state; a snapshot older than the stored one is ignored, so order never matters. */
  async applySnapshot(
    snapshot: ReadModelSnapshot,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ScreeningEntity)
      .set({
        status: snapshot.status,
        stage: snapshot.stage,
        stateVersion: snapshot.stateVersion,
        referenceDataVersion: snapshot.referenceDataVersion,
        risk: snapshot.risk,
        requiredApprovals: snapshot.requiredApprovals,
        approvals: snapshot.approvals,
        decision: snapshot.decision,
        // The supplier's token lives as long as its current deadline (declaration, answers, representations).
        ...(snapshot.invitationExpiresAt
          ? { invitationExpiresAt: new Date(snapshot.invitationExpiresAt) }
          : {}),
      } as QueryDeepPartialEntity<ScreeningEntity>)
      .where('id = :id AND state_version < :version', {
        id: snapshot.screeningId,
        version: snapshot.stateVersion,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
