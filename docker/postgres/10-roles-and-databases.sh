#!/usr/bin/env bash
# Runs once, when the PostgreSQL data volume is first initialised (postgres image's
# /docker-entrypoint-initdb.d). Passwords come from the container environment (see compose.yaml),
# so this is a shell script feeding psql variables rather than a plain .sql file.
#
# Roles (none is a superuser; only the image's own POSTGRES_USER is):
#   temporal         owns the Temporal server's databases `temporal` and `temporal_visibility`.
#   screening_owner  owns database `screening` and its schema objects; used by the migrate job only.
#   screening        the api/worker runtime role. It may connect and use schema `public`; every
#                    table privilege it gets is granted by the migrations (e.g. only SELECT, INSERT
#                    on the audit tables, which keeps the audit trail append-only).
#
# To change a password later, ALTER ROLE by hand: this script does not run again on an existing volume.
set -euo pipefail

: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"
: "${SCREENING_OWNER_PASSWORD:?SCREENING_OWNER_PASSWORD must be set}"
: "${SCREENING_APP_PASSWORD:?SCREENING_APP_PASSWORD must be set}"

psql --no-psqlrc -v ON_ERROR_STOP=1 \
  --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB:-postgres}" \
  -v temporal_password="${TEMPORAL_DB_PASSWORD}" \
  -v owner_password="${SCREENING_OWNER_PASSWORD}" \
  -v app_password="${SCREENING_APP_PASSWORD}" <<'SQL'
-- Temporal server ---------------------------------------------------------------------------------
CREATE ROLE temporal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE temporal, temporal_visibility FROM PUBLIC;
-- (Temporal's visibility schema runs CREATE EXTENSION btree_gin; btree_gin is a trusted extension,
--  which a database owner may create without superuser rights on PostgreSQL 13+.)

-- Supplier screening ------------------------------------------------------------------------------
CREATE ROLE screening_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE screening LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'app_password';
CREATE DATABASE screening OWNER screening_owner;
REVOKE ALL ON DATABASE screening FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE screening TO screening;

\connect screening
-- On PostgreSQL 15+ schema public belongs to pg_database_owner (here: screening_owner), so the
-- migrations can create objects in it. The runtime role may only look things up in it; table and
-- sequence privileges are granted per table by the migrations.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO screening;
SQL
