import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RUNTIME_ROLE, RUNTIME_ROLE_SETTING } from './1796021942714-runtime-role-grants.js';

/**
 * Continuous monitoring of approved screenings: `monitoring_alerts` (a screening whose findings or
 * outcome changed on newer reference data; one per screening and version) and `screening_monitoring`
 * (each approved screening's last re-check: the version, and the assessment the next one compares with).
 *
 * The runtime role gets its grants here explicitly rather than only through the default privileges of
 * RuntimeRoleGrants1796021942714 (those bind only tables created by the role that set them): it may
 * read, insert and update alerts (acknowledging one is an update) but not delete them, since each is
 * referenced by an audit event of its screening.
 */
export class MonitoringAlerts1796700000000 implements MigrationInterface {
  name = 'MonitoringAlerts1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "monitoring_alerts" (
        "id" text NOT NULL,
        "screening_id" text NOT NULL,
        "tender_id" text NOT NULL,
        "reference_data_version" integer NOT NULL,
        "previous_reference_data_version" integer NOT NULL,
        "kind" text NOT NULL,
        "summary" text NOT NULL,
        "changes" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "acknowledged_at" TIMESTAMP WITH TIME ZONE,
        "acknowledged_by" text,
        "acknowledgement_note" text,
        CONSTRAINT "pk_monitoring_alerts" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_monitoring_alerts_screening_version" ON "monitoring_alerts" ("screening_id", "reference_data_version") `,
    );
    await q.query(`CREATE INDEX "ix_monitoring_alerts_created" ON "monitoring_alerts" ("created_at", "id") `);
    await q.query(
      `CREATE INDEX "ix_monitoring_alerts_tender_created" ON "monitoring_alerts" ("tender_id", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "fk_monitoring_alerts_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "fk_monitoring_alerts_tender" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "screening_monitoring" (
        "screening_id" text NOT NULL,
        "reference_data_version" integer NOT NULL,
        "findings" jsonb NOT NULL,
        "score" integer NOT NULL,
        "band" text NOT NULL,
        "outcome" text NOT NULL,
        "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_screening_monitoring" PRIMARY KEY ("screening_id")
      )`);
    await q.query(
      `ALTER TABLE "screening_monitoring" ADD CONSTRAINT "fk_screening_monitoring_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await grantMonitoringTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "screening_monitoring"`);
    await q.query(`DROP TABLE IF EXISTS "monitoring_alerts"`);
  }
}

/** The runtime role's grants on the monitoring tables (exported for the grants' own test). */
export async function grantMonitoringTables(q: QueryRunner): Promise<void> {
  await q.query(`
    DO $grants$
    DECLARE
      runtime_role text := coalesce(nullif(current_setting('${RUNTIME_ROLE_SETTING}', true), ''), '${DEFAULT_RUNTIME_ROLE}');
      target_schema text := current_schema();
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime_role) OR runtime_role = current_user THEN
        RETURN;
      END IF;
      EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE %I.monitoring_alerts TO %I', target_schema, runtime_role);
      EXECUTE format('REVOKE DELETE, TRUNCATE ON TABLE %I.monitoring_alerts FROM %I', target_schema, runtime_role);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I.screening_monitoring TO %I', target_schema, runtime_role);
    END
    $grants$`);
}
