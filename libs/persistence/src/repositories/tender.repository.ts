import type { DataSource } from 'typeorm';
import { TenderEntity } from '../entities/tender.entity.js';

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
}
