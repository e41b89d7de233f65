import type { DataSource } from 'typeorm';
import type { TenderContext } from '../../../contracts/src/index.js';
import { TenderEntity } from '../entities/tender.entity.js';

/** What the workflow and the checks know of a tender. */
export function tenderContextOf(tender: TenderEntity): TenderContext {
  return {
    id: tender.id,
    reference: tender.reference,
    buyerType: tender.buyerType as TenderContext['buyerType'],
    sensitiveSite: tender.sensitiveSite,
    intendedUse: tender.intendedUse,
    policyId: tender.policyId,
  };
}

export class TenderRepository {
  constructor(private readonly db: DataSource) {}

  findById(id: string): Promise<TenderEntity | null> {
    return this.db.getRepository(TenderEntity).findOneBy({ id });
  }

  findByReference(reference: string): Promise<TenderEntity | null> {
    return this.db.getRepository(TenderEntity).findOneBy({ reference });
  }

  async insert(row: Partial<TenderEntity>): Promise<TenderEntity> {
    await this.db.getRepository(TenderEntity).insert(row);
    return (await this.findById(row.id!))!;
  }

  /** Sets the status unless the tender is closed (a closed tender never reopens); true if it changed. */
  async setStatus(id: string, status: string): Promise<boolean> {
    const result = await this.db
      .getRepository(TenderEntity)
      .createQueryBuilder()
      .update()
      .set({ status })
      .where('id = :id AND status <> :closed AND status <> :status', { id, closed: 'closed', status })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Closes the tender; idempotent. */
  async close(id: string): Promise<void> {
    await this.db.getRepository(TenderEntity).update({ id }, { status: 'closed' });
  }
}
