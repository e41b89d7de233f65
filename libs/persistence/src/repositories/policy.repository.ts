import type { DataSource } from 'typeorm';
import { PolicyEntity } from '../entities/policy.entity.js';

export class PolicyRepository {
  constructor(private readonly db: DataSource) {}

  find(id: string, version: number): Promise<PolicyEntity | null> {
    return this.db.getRepository(PolicyEntity).findOneBy({ id, version });
  }

  latest(id: string): Promise<PolicyEntity | null> {
    return this.db.getRepository(PolicyEntity).findOne({ where: { id }, order: { version: 'DESC' } });
  }

  /** Latest version of every policy. */
  async listLatest(): Promise<PolicyEntity[]> {
    return this.db
      .getRepository(PolicyEntity)
      .createQueryBuilder('p')
      .distinctOn(['p.id'])
      .orderBy('p.id', 'ASC')
      .addOrderBy('p.version', 'DESC')
      .getMany();
  }

  /** Inserts a version unless it already exists (published versions are immutable). */
  async insertIfAbsent(row: Pick<PolicyEntity, 'id' | 'version' | 'title' | 'document' | 'publishedBy'>): Promise<boolean> {
    const result = await this.db.createQueryBuilder().insert().into(PolicyEntity).values(row).orIgnore().execute();
    return result.raw.length > 0 || (result.identifiers?.length ?? 0) > 0;
  }
}
