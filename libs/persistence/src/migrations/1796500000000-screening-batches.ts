import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk screening: a batch per request and one item per supplier row (malformed rows included, with the
 * reason). The runtime role's grants reach these tables through RuntimeRoleGrants1796021942714's defaults.
 */
export class ScreeningBatches1796500000000 implements MigrationInterface {
  name = 'ScreeningBatches1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "screening_batches" (
        "id" text NOT NULL,
        "tender_id" text NOT NULL,
        "status" text NOT NULL DEFAULT 'running',
        "total" integer NOT NULL,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_screening_batches" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_screening_batches_tender" ON "screening_batches" ("tender_id") `);
    await q.query(`CREATE TABLE "screening_batch_items" (
        "batch_id" text NOT NULL,
        "row_number" integer NOT NULL,
        "supplier" jsonb,
        "status" text NOT NULL DEFAULT 'pending',
        "screening_id" text,
        "already_screened" boolean NOT NULL DEFAULT false,
        "error" text,
        CONSTRAINT "pk_screening_batch_items" PRIMARY KEY ("batch_id", "row_number")
      )`);
    await q.query(
      `CREATE INDEX "ix_screening_batch_items_status" ON "screening_batch_items" ("batch_id", "status", "row_number") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "screening_batch_items"`);
    await q.query(`DROP TABLE IF EXISTS "screening_batches"`);
  }
}
