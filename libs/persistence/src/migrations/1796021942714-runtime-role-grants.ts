import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL setting that names the runtime role; unset means `screening` (docker/postgres). */
export const RUNTIME_ROLE_SETTING = 'screening.runtime_role';
export const DEFAULT_RUNTIME_ROLE = 'screening';

/**
 * Privileges of the role the api and worker run as, so the audit trail is append-only for the
 * application itself and not only through the trigger: SELECT and INSERT on audit_events, never UPDATE,
 * DELETE or TRUNCATE; read and write on the other tables; read-only on the migrations table. Default
 * privileges extend the same read/write grant to tables that later migrations create (a later
 * append-only table must revoke like this one does).
 *
 * The role is named by the PostgreSQL setting `screening.runtime_role` (e.g. in DATABASE_URL:
 * `?options=-c%20screening.runtime_role%3Dapp`, or `ALTER DATABASE … SET`), else `screening`. When no
 * such role exists (embedded mode, where everything runs as one superuser) the migration does nothing,
 * so the role must exist before the migrations run, as docker/postgres/10-roles-and-databases.sh does.
 * Re-running `up` is harmless: GRANT and REVOKE are idempotent.
 */
export class RuntimeRoleGrants1796021942714 implements MigrationInterface {
  name = 'RuntimeRoleGrants1796021942714';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $grants$
      DECLARE
        runtime_role text := coalesce(nullif(current_setting('${RUNTIME_ROLE_SETTING}', true), ''), '${DEFAULT_RUNTIME_ROLE}');
        target_schema text := current_schema();
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime_role) THEN
          RAISE NOTICE 'runtime role % does not exist: no grants (embedded mode)', runtime_role;
          RETURN;
        END IF;
        IF runtime_role = current_user THEN
          RAISE NOTICE 'runtime role % runs the migrations and owns the tables: grants do not bind an owner', runtime_role;
          RETURN;
        END IF;
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', target_schema, runtime_role);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target_schema, runtime_role);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE %I.audit_events FROM %I', target_schema, runtime_role);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE %I.schema_migrations FROM %I', target_schema, runtime_role);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', target_schema, runtime_role);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', target_schema, runtime_role);
      END
      $grants$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $revoke$
      DECLARE
        runtime_role text := coalesce(nullif(current_setting('${RUNTIME_ROLE_SETTING}', true), ''), '${DEFAULT_RUNTIME_ROLE}');
        target_schema text := current_schema();
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime_role) OR runtime_role = current_user THEN
          RETURN;
        END IF;
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM %I', target_schema, runtime_role);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM %I', target_schema, runtime_role);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', target_schema, runtime_role);
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', target_schema, runtime_role);
      END
      $revoke$`);
  }
}
