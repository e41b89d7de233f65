import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: tenders, the screening read model and its children, the audit trail (append-only),
 * API keys, policies and versioned reference data. Generated from the entities, then reviewed by hand:
 * the trigram and GIN indexes and the audit trigger are not expressible in entity metadata.
 */
export class InitialSchema1764489600000 implements MigrationInterface {
  name = 'InitialSchema1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" character(64) NOT NULL,
        "user_id" text NOT NULL,
        "roles" text array NOT NULL,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_api_keys" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_api_keys_token_hash" ON "api_keys" ("token_hash") `);
    await q.query(`CREATE TABLE "tenders" (
        "id" text NOT NULL,
        "reference" text NOT NULL,
        "title" text NOT NULL,
        "buyer_name" text NOT NULL,
        "buyer_type" text NOT NULL,
        "cpv_codes" text array NOT NULL DEFAULT '{}',
        "sensitive_site" boolean NOT NULL DEFAULT false,
        "intended_use" text,
        "policy_id" text NOT NULL,
        "estimated_value" numeric(18,2),
        "currency" character(3),
        "status" text NOT NULL DEFAULT 'open',
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_tenders" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_tenders_reference" ON "tenders" ("reference") `);
    await q.query(`CREATE TABLE "screenings" (
        "id" text NOT NULL,
        "tender_id" text NOT NULL,
        "supplier_name" text NOT NULL,
        "supplier_country" character(2) NOT NULL,
        "supplier_identifiers" jsonb NOT NULL DEFAULT '[]',
        "supplier_key" text NOT NULL,
        "contact_email" text,
        "idempotency_key" text,
        "status" text NOT NULL,
        "stage" text NOT NULL,
        "started_by" text NOT NULL,
        "policy_id" text NOT NULL,
        "policy_version" integer NOT NULL,
        "reference_data_version" text,
        "risk" jsonb,
        "required_approvals" text array NOT NULL DEFAULT '{}',
        "approvals" jsonb NOT NULL DEFAULT '[]',
        "decision" jsonb,
        "invitation_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "state_version" integer NOT NULL DEFAULT '0',
        "audit_head_hash" character(64),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_screenings" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_screenings_tender" ON "screenings" ("tender_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_screenings_idempotency_key" ON "screenings" ("idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "ix_screenings_status_created" ON "screenings" ("status", "created_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_screenings_tender_supplier" ON "screenings" ("tender_id", "supplier_key") `,
    );
    await q.query(`CREATE TABLE "approvals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "screening_id" text NOT NULL,
        "step_key" text NOT NULL,
        "level" text NOT NULL,
        "user_id" text NOT NULL,
        "decision" text NOT NULL,
        "reason" text NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_approvals" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_approvals_screening_step" ON "approvals" ("screening_id", "step_key") `,
    );
    await q.query(`CREATE TABLE "audit_events" (
        "id" BIGSERIAL NOT NULL,
        "screening_id" text NOT NULL,
        "seq" integer NOT NULL,
        "event_key" text NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" text NOT NULL,
        "actor_role" text NOT NULL,
        "action" text NOT NULL,
        "data" jsonb NOT NULL,
        "prev_hash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "pk_audit_events" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_audit_events_occurred_at" ON "audit_events" ("occurred_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_audit_events_screening_event_key" ON "audit_events" ("screening_id", "event_key") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_audit_events_screening_seq" ON "audit_events" ("screening_id", "seq") `,
    );
    await q.query(`CREATE TABLE "declarations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "screening_id" text NOT NULL,
        "revision" integer NOT NULL,
        "data" jsonb NOT NULL,
        "digest" character(64) NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_declarations" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_declarations_screening_revision" ON "declarations" ("screening_id", "revision") `,
    );
    await q.query(`CREATE TABLE "findings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "screening_id" text NOT NULL,
        "round" integer NOT NULL,
        "key" text NOT NULL,
        "check_name" text NOT NULL,
        "code" text NOT NULL,
        "subject" jsonb NOT NULL,
        "summary" text NOT NULL,
        "evidence" jsonb NOT NULL DEFAULT '[]',
        "attributes" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_findings" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_findings_screening_round_key" ON "findings" ("screening_id", "round", "key") `,
    );
    await q.query(`CREATE TABLE "policies" (
        "id" text NOT NULL,
        "version" integer NOT NULL,
        "title" text NOT NULL,
        "document" jsonb NOT NULL,
        "published_by" text NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_policies" PRIMARY KEY ("id",
        "version")
      )`);
    await q.query(`CREATE TABLE "reference_brands" (
        "id" BIGSERIAL NOT NULL,
        "external_id" text NOT NULL,
        "source" text NOT NULL,
        "brand" text NOT NULL,
        "brand_normalised" text NOT NULL,
        "manufacturer_external_id" text NOT NULL,
        "relation" text NOT NULL,
        "valid_from" date,
        "valid_to" date,
        "fact_source" text NOT NULL,
        "confidence" text NOT NULL,
        "version_from" integer NOT NULL,
        "version_to" integer,
        CONSTRAINT "pk_reference_brands" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_reference_brands_brand_normalised" ON "reference_brands" ("brand_normalised") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_reference_brands_current" ON "reference_brands" ("external_id") WHERE version_to IS NULL`,
    );
    await q.query(`CREATE TABLE "reference_datasets" (
        "version" SERIAL NOT NULL,
        "source" text NOT NULL,
        "format" text NOT NULL,
        "file_name" text NOT NULL,
        "file_sha256" character(64) NOT NULL,
        "record_count" integer NOT NULL DEFAULT '0',
        "skipped_count" integer NOT NULL DEFAULT '0',
        "imported_by" text NOT NULL,
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reference_datasets" PRIMARY KEY ("version")
      )`);
    await q.query(
      `CREATE INDEX "ix_reference_datasets_source_sha" ON "reference_datasets" ("source", "file_sha256") `,
    );
    await q.query(`CREATE TABLE "reference_entities" (
        "id" BIGSERIAL NOT NULL,
        "external_id" text NOT NULL,
        "source" text NOT NULL,
        "kind" text NOT NULL,
        "name" text NOT NULL,
        "aliases" text array NOT NULL DEFAULT '{}',
        "country" character(2),
        "identifiers" jsonb NOT NULL DEFAULT '[]',
        "identifier_keys" text array NOT NULL DEFAULT '{}',
        "topics" text array NOT NULL DEFAULT '{}',
        "lists" jsonb NOT NULL DEFAULT '[]',
        "fact_source" text NOT NULL,
        "confidence" text NOT NULL,
        "version_from" integer NOT NULL,
        "version_to" integer,
        CONSTRAINT "pk_reference_entities" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_reference_entities_current" ON "reference_entities" ("external_id") WHERE version_to IS NULL`,
    );
    await q.query(`CREATE TABLE "reference_jurisdictions" (
        "id" BIGSERIAL NOT NULL,
        "country" character(2) NOT NULL,
        "source" text NOT NULL,
        "profile" jsonb NOT NULL,
        "version_from" integer NOT NULL,
        "version_to" integer,
        CONSTRAINT "pk_reference_jurisdictions" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_reference_jurisdictions_current" ON "reference_jurisdictions" ("country") WHERE version_to IS NULL`,
    );
    await q.query(`CREATE TABLE "reference_names" (
        "id" BIGSERIAL NOT NULL,
        "entity_row_id" bigint NOT NULL,
        "name" text NOT NULL,
        "name_normalised" text NOT NULL,
        "is_alias" boolean NOT NULL DEFAULT false,
        CONSTRAINT "pk_reference_names" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_reference_names_normalised" ON "reference_names" ("name_normalised") `);
    await q.query(`CREATE INDEX "ix_reference_names_entity" ON "reference_names" ("entity_row_id") `);
    await q.query(`CREATE TABLE "reference_ownership" (
        "id" BIGSERIAL NOT NULL,
        "external_id" text NOT NULL,
        "source" text NOT NULL,
        "owner_external_id" text NOT NULL,
        "owned_external_id" text NOT NULL,
        "share_exact" numeric(7,4),
        "share_min" numeric(7,4),
        "share_max" numeric(7,4),
        "direct" boolean NOT NULL DEFAULT true,
        "control_only" boolean NOT NULL DEFAULT false,
        "kind" text NOT NULL DEFAULT 'shareholding',
        "start_date" date,
        "end_date" date,
        "fact_source" text NOT NULL,
        "confidence" text NOT NULL,
        "version_from" integer NOT NULL,
        "version_to" integer,
        CONSTRAINT "pk_reference_ownership" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_reference_ownership_owner" ON "reference_ownership" ("owner_external_id") `,
    );
    await q.query(
      `CREATE INDEX "ix_reference_ownership_owned" ON "reference_ownership" ("owned_external_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_reference_ownership_current" ON "reference_ownership" ("external_id") WHERE version_to IS NULL`,
    );
    await q.query(`CREATE TABLE "risk_assessments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "screening_id" text NOT NULL,
        "round" integer NOT NULL,
        "score" integer NOT NULL,
        "band" text NOT NULL,
        "outcome" text NOT NULL,
        "factors" jsonb NOT NULL,
        "required_approvals" text array NOT NULL,
        "policy_id" text NOT NULL,
        "policy_version" integer NOT NULL,
        "reference_data_version" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_risk_assessments" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_risk_assessments_screening_round" ON "risk_assessments" ("screening_id", "round") `,
    );
    await q.query(
      `ALTER TABLE "screenings" ADD CONSTRAINT "fk_screenings_tender" FOREIGN KEY ("tender_id") REFERENCES "tenders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "approvals" ADD CONSTRAINT "fk_approvals_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "fk_audit_events_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "declarations" ADD CONSTRAINT "fk_declarations_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "fk_findings_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "risk_assessments" ADD CONSTRAINT "fk_risk_assessments_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX "ix_reference_names_trgm" ON "reference_names" USING gin ("name_normalised" gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX "ix_reference_entities_identifier_keys" ON "reference_entities" USING gin ("identifier_keys")`,
    );
    // The audit trail is append-only whoever connects: the trigger refuses UPDATE and DELETE outright.
    await q.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS audit_events_no_truncate ON "audit_events"`);
    await q.query(`DROP TRIGGER IF EXISTS audit_events_append_only ON "audit_events"`);
    await q.query(`DROP FUNCTION IF EXISTS audit_events_refuse_change()`);
    await q.query(`DROP TABLE IF EXISTS "audit_events"`);
    await q.query(`DROP TABLE IF EXISTS "approvals"`);
    await q.query(`DROP TABLE IF EXISTS "risk_assessments"`);
    await q.query(`DROP TABLE IF EXISTS "findings"`);
    await q.query(`DROP TABLE IF EXISTS "declarations"`);
    await q.query(`DROP TABLE IF EXISTS "screenings"`);
    await q.query(`DROP TABLE IF EXISTS "tenders"`);
    await q.query(`DROP TABLE IF EXISTS "api_keys"`);
    await q.query(`DROP TABLE IF EXISTS "policies"`);
    await q.query(`DROP TABLE IF EXISTS "reference_brands"`);
    await q.query(`DROP TABLE IF EXISTS "reference_datasets"`);
    await q.query(`DROP TABLE IF EXISTS "reference_entities"`);
    await q.query(`DROP TABLE IF EXISTS "reference_jurisdictions"`);
    await q.query(`DROP TABLE IF EXISTS "reference_names"`);
    await q.query(`DROP TABLE IF EXISTS "reference_ownership"`);
  }
}
