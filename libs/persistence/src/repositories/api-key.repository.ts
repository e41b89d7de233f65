import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity.js';

export class ApiKeyRepository {
  constructor(private readonly db: DataSource) {}

  findActiveByHash(tokenHash: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ tokenHash, revokedAt: IsNull() });
  }

  async insert(
    row: Pick<ApiKeyEntity, 'tokenHash' | 'userId' | 'roles' | 'createdBy'>,
  ): Promise<ApiKeyEntity> {
    const saved = await this.db
      .getRepository(ApiKeyEntity)
      .save(this.db.getRepository(ApiKeyEntity).create(row));
    return saved;
  }
}
