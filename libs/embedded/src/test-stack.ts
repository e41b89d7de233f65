// One Temporal dev server and one fresh PostgreSQL database per test run, shared by every test file.
// Temporal is found exactly as `npm start` finds it; PostgreSQL is TEST_DATABASE_ADMIN_URL's server
// (default: the local one), else an embedded one.
import pg from 'pg';
import { prepareDatabase } from '../../bootstrap/src/index.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { freePort } from './free-port.js';
import { startTemporalDevServer, type TemporalDevServerHandle } from './temporal-dev-server.js';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function adminDatabaseUrl(): Promise<{ url: string; stop?: () => Promise<void> }> {
  const configured = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  if (await canConnect(configured)) return { url: configured };
  const embedded = await startEmbeddedPostgres({
    dataDir: '.test-data',
    port: await freePort(),
    database: 'postgres',
  });
  return { url: embedded.url, stop: embedded.stop };
}

export interface TestStack {
  temporal: TemporalDevServerHandle;
  admin: { url: string; stop?: () => Promise<void> };
  database: string;
}

/** Jest global setup (through test/support/global-setup.js): starts the stack and exports its addresses. */
export async function startTestStack(): Promise<TestStack> {
  const started = Date.now();
  const [temporal, admin] = await Promise.all([
    startTemporalDevServer({ cliPath: process.env.TEMPORAL_CLI_PATH || undefined, port: await freePort() }),
    adminDatabaseUrl(),
  ]);
  const database = `screening_test_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin.url });
  await client.connect();
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  const url = new URL(admin.url);
  url.pathname = `/${database}`;
  // Migrations, built-in policies and the seed first, so the seed is always the first dataset versions.
  await prepareDatabase(url.toString());

  process.env.TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TEST_DATABASE_URL = url.toString();
  console.log(
    `\n[test stack] Temporal ${temporal.address} (${temporal.cli}), database ${database}, ready in ${Date.now() - started} ms`,
  );
  return { temporal, admin, database };
}

export async function stopTestStack(stack: TestStack): Promise<void> {
  await stack.temporal.stop();
  if (process.env.KEEP_TEST_DATABASE !== '1') {
    const client = new pg.Client({ connectionString: stack.admin.url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${stack.database} WITH (FORCE)`);
    await client.end();
  }
  await stack.admin.stop?.();
}
