import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviewers' dismissals of false name-screening hits, one per (screening, matched entity, subject).
 * The runtime role's read/write grant reaches this table through the default privileges of
 * RuntimeRoleGrants1796021942714.
 */
export class FindingDismissals1796400000000 implements MigrationInterface {
  name = 'FindingDismissals1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "finding_dismissals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "screening_id" text NOT NULL,
        "entity_external_id" text NOT NULL,
        "subject_key" text NOT NULL,
        "finding_key" text NOT NULL,
        "round" integer NOT NULL,
        "subject" jsonb NOT NULL,
        "reason" text NOT NULL,
        "dismissed_by" text NOT NULL,
        "dismissed_by_role" text NOT NULL,
        "dismissed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_finding_dismissals" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_finding_dismissals_hit" ON "finding_dismissals" ("screening_id", "entity_external_id", "subject_key") `,
    );
    await q.query(
      `ALTER TABLE "finding_dismissals" ADD CONSTRAINT "fk_finding_dismissals_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "finding_dismissals"`);
  }
}
