import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox (reminders, escalations and other messages the workflow queues, sent by the
 * worker) and the screening assignments behind the reviewers' inbox (who a screening waits for, due when).
 */
export class NotificationOutboxAndAssignments1796200000000 implements MigrationInterface {
  name = 'NotificationOutboxAndAssignments1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notification_outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "screening_id" text NOT NULL,
        "notification_key" text NOT NULL,
        "kind" text NOT NULL,
        "audience" text NOT NULL,
        "recipient" text,
        "data" jsonb NOT NULL DEFAULT '{}',
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_notification_outbox" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_notification_outbox_screening_key" ON "notification_outbox" ("screening_id", "notification_key") `,
    );
    await q.query(
      `CREATE INDEX "ix_notification_outbox_due" ON "notification_outbox" ("status", "next_attempt_at") `,
    );
    await q.query(
      `ALTER TABLE "notification_outbox" ADD CONSTRAINT "fk_notification_outbox_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "screening_assignments" (
        "screening_id" text NOT NULL,
        "step" text,
        "pools" text array NOT NULL DEFAULT '{}',
        "level" text,
        "waiting_since" TIMESTAMP WITH TIME ZONE,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "escalated" boolean NOT NULL DEFAULT false,
        "excluded_user_ids" text array NOT NULL DEFAULT '{}',
        "state_version" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_screening_assignments" PRIMARY KEY ("screening_id")
      )`);
    await q.query(
      `CREATE INDEX "ix_screening_assignments_waiting_since" ON "screening_assignments" ("waiting_since") `,
    );
    await q.query(
      `ALTER TABLE "screening_assignments" ADD CONSTRAINT "fk_screening_assignments_screening" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "screening_assignments"`);
    await q.query(`DROP TABLE IF EXISTS "notification_outbox"`);
  }
}
