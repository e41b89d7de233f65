import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name screening keeps the reference vocabulary in memory and, when a query reads a newer dataset
 * version, adds the words of the entity rows that version wrote (`version_from > covered`). Without an
 * index that is a scan of every entity row, once per import per process (about half a second at a
 * million entities); with it, a range scan of the new rows.
 */
export class ReferenceEntitiesVersionIndex1796800000000 implements MigrationInterface {
  name = 'ReferenceEntitiesVersionIndex1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_reference_entities_version_from" ON "reference_entities" ("version_from")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_reference_entities_version_from"`);
  }
}
