import { QueryFailedError, type DataSource } from 'typeorm';
import { PolicyEntity } from '../entities/policy.entity.js';

export type PublishResult = { published: true; policy: PolicyEntity } | { published: false };

const UNIQUE_VIOLATION = '23505';

export class PolicyRepository {
  constructor(private readonly db: DataSource) {}

  find(id: string, version: number): Promise<PolicyEntity | null> {
    return this.db.getRepository(PolicyEntity).findOneBy({ id, version });
  }

  latest(id: string): Promise<PolicyEntity | null> {
    return this.db.getRepository(PolicyEntity).findOne({ where: { id }, order: { version: 'DESC' } });
  }

  /** Every published version number of a policy, oldest first (empty when the id is unknown). */
  async versionsOf(id: string): Promise<number[]> {
    const rows = await this.db
      .getRepository(PolicyEntity)
      .find({ select: { version: true }, where: { id }, order: { version: 'ASC' } });
    return rows.map((row) => row.version);
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

  /**
   * Publishes a new version. The primary key (id, version) is the lock: when two publishers race for
   * the same version, one insert wins and the other gets `published: false`, never an overwrite.
   */
  async publish(
    row: Pick<PolicyEntity, 'id' | 'version' | 'title' | 'document' | 'publishedBy'>,
  ): Promise<PublishResult> {
    try {
      await this.db.getRepository(PolicyEntity).insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) return { published: false };
      throw error;
    }
    // Read back for the server-assigned publishedAt.
    return { published: true, policy: (await this.find(row.id, row.version))! };
  }

  /** Inserts a version unless it already exists (published versions are immutable). */
  async insertIfAbsent(
    row: Pick<PolicyEntity, 'id' | 'version' | 'title' | 'document' | 'publishedBy'>,
  ): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(PolicyEntity)
      .values(row)
      .orIgnore()
      .execute();
    return result.raw.length > 0 || (result.identifiers?.length ?? 0) > 0;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}
