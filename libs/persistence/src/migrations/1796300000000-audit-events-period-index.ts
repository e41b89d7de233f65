import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The period export (GET /v1/audit/events) pages by (occurred_at, id). An index on both columns keeps
 * each page an index range scan even before PostgreSQL has statistics for a freshly filled table.
 */
export class AuditEventsPeriodIndex1796300000000 implements MigrationInterface {
  name = 'AuditEventsPeriodIndex1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_audit_events_occurred_at"`);
    await q.query(`CREATE INDEX "ix_audit_events_occurred_at_id" ON "audit_events" ("occurred_at", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_audit_events_occurred_at_id"`);
    await q.query(`CREATE INDEX "ix_audit_events_occurred_at" ON "audit_events" ("occurred_at")`);
  }
}
