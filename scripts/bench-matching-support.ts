// Shared by the matching benchmarks: a scratch database (a fresh one on DATABASE_URL's server, dropped
// afterwards, or an embedded PostgreSQL in a temporary folder), FtM lines for synthetic entities, and
// name=value output.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { MatchCandidate } from '../libs/domain/src/names/index.js';
import { freePort, startEmbeddedPostgres } from '../libs/embedded/src/index.js';
import { createDataSource, runMigrations } from '../libs/persistence/src/index.js';

export interface BenchDatabase {
  db: DataSource;
  /** Where the figures came from, for the printed output. */
  description: string;
  /** The scratch database's name on DATABASE_URL's server (null when embedded): what --reuse takes. */
  name: string | null;
  close(): Promise<void>;
}

/**
 * Never the database DATABASE_URL names: a benchmark imports thousands to millions of synthetic
 * entities, which must not land in real reference data. A fresh database is created beside it.
 */
export async function openBenchDatabase(log: (message: string) => void): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL;
  const scratch = server ? await scratchDatabaseOn(server) : await embeddedDatabase(log);
  // Interrupted (Ctrl-C), the benchmark still drops what it created.
  const onSignal = () => void scratch.drop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await runMigrations(scratch.url);
    const db = await createDataSource(scratch.url).initialize();
    return {
      db,
      description: scratch.description,
      name: scratch.name,
      close: async () => {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await db.destroy();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

interface ScratchDatabase {
  url: string;
  description: string;
  name: string | null;
  drop(): Promise<void>;
}

/**
 * A scratch database an earlier run left in place (`--keep`), on DATABASE_URL's server: opened as it is
 * (no migrations, nothing imported) and left in place on close.
 */
export async function openKeptBenchDatabase(name: string): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('reusing a scratch database needs DATABASE_URL (the server that holds it)');
  // Only the names this module gives scratch databases: never DATABASE_URL's own database.
  if (!/^bench_matching_\d+_\d+$/.test(name))
    throw new Error(
      `${name} is not a scratch database name (bench_matching_<pid>_<time>, printed by --keep)`,
    );
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await createDataSource(url.toString()).initialize();
  return {
    db,
    description: `kept scratch database ${name} on DATABASE_URL's server`,
    name,
    close: async () => db.destroy(),
  };
}

async function scratchDatabaseOn(serverUrl: string): Promise<ScratchDatabase> {
  const name = `bench_matching_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(
      `cannot create the scratch database ${name} on DATABASE_URL's server (the benchmark needs CREATEDB): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `scratch database ${name} on DATABASE_URL's server`,
    name,
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function embeddedDatabase(log: (message: string) => void): Promise<ScratchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-matching-'));
  // mkdtemp makes the folder private; run as root, PostgreSQL runs as `postgres` and must enter it.
  chmodSync(folder, 0o755);
  log(`starting an embedded PostgreSQL in ${folder} (set DATABASE_URL to use a server instead)`);
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    embedded = await startEmbeddedPostgres({ dataDir: folder, port: await freePort(), database: 'bench' });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url: embedded.url,
    description: 'embedded PostgreSQL in a temporary folder',
    name: null,
    drop: async () => {
      await embedded.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** FtM properties that carry each identifier scheme (see the FtM parser's ftm-identifiers.ts). */
const IDENTIFIER_PROPERTIES: Readonly<Record<string, string>> = {
  LEI: 'leiCode',
  'CN-USCC': 'uscCode',
  'GB-COH': 'registrationNumber',
};

/** One FtM JSON line for a listed entity: the format the real importer reads from OpenSanctions. */
export function ftmLine(entity: MatchCandidate, topics: readonly string[], listId: string): string {
  const properties: Record<string, string[]> = { name: [entity.name], topics: [...topics] };
  if (entity.aliases.length > 0) properties.alias = [...entity.aliases];
  if (entity.country) properties.jurisdiction = [entity.country.toLowerCase()];
  for (const { scheme, id } of entity.identifiers) {
    const property = IDENTIFIER_PROPERTIES[scheme] ?? 'ticker';
    const value = property === 'ticker' ? `${scheme}:${id}` : id;
    (properties[property] ??= []).push(value);
  }
  return `${JSON.stringify({ id: entity.entityId, schema: 'Company', properties, datasets: [listId] })}\n`;
}

export function printFigure(name: string, value: string | number): void {
  process.stdout.write(`${name}=${value}\n`);
}

export function logProgress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The load average beside the figures: on a shared machine they mean little without it. */
export function printLoadAverage(label: string): void {
  const [one, five] = loadavg().map((value) => value.toFixed(2));
  printFigure(`load_average_${label}`, `${one} (1 min), ${five} (5 min)`);
}

/** Milliseconds as text with a sensible precision. */
export function ms(value: number): string {
  return value.toFixed(2);
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
