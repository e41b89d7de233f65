// `npm run bench:matching-speed`: imports N synthetic entities (default 1,000,000) through the real
// FtM importer, then times single-name screening queries (retrieval in PostgreSQL + scoring) one at a
// time. Prints name=value lines. Options: --entities N, --queries N, --keep (leave the scratch database
// for experiments and print its name), --reuse NAME (time the queries against a database kept by an
// earlier run with the same --entities, skipping the import: see reuseEntities). Queries: half noisy
// names of imported entities (some with their identifier), half plausible companies that were not
// imported.
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  createCompanyNameGenerator,
  createRng,
  syntheticEntities,
  type MatchCandidate,
  type MatchQuery,
} from '../libs/domain/src/names/index.js';
import { addNoise } from '../libs/domain/src/names/name-noise.js';
import { MatchCandidatesRepository, NameMatcher } from '../libs/reference-data/src/matching/index.js';
import { importReferenceFile } from '../libs/reference-data/src/store/index.js';
import {
  ftmLine,
  logProgress,
  ms,
  openBenchDatabase,
  openKeptBenchDatabase,
  percentile,
  printFigure,
  printLoadAverage,
} from './bench-matching-support.js';
import { processesCpuSeconds } from './bench-cpu.js';

const { values: args } = parseArgs({
  options: {
    entities: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '2000' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const ENTITY_COUNT = Number(args.entities);
const QUERY_COUNT = Number(args.queries);
const WARM_UP_QUERIES = 200;
const SEED = 20250611;

async function main(): Promise<void> {
  if (!Number.isInteger(ENTITY_COUNT) || ENTITY_COUNT < 1)
    throw new Error('--entities must be a positive whole number');
  const bench = args.reuse ? await openKeptBenchDatabase(args.reuse) : await openBenchDatabase(logProgress);
  try {
    printFigure('database', bench.description);
    printFigure('entities', ENTITY_COUNT);
    printLoadAverage('before_import');
    const { version, sample } = args.reuse ? await reuseEntities(bench.db) : await importEntities(bench.db);
    if (!args.reuse) {
      // The steady state autovacuum reaches soon after an import: the GIN indexes' pending lists (rows
      // the bulk insert queued, which every search would scan linearly) merged, statistics fresh.
      // reference_name_terms too: its trigram search took three times as long before.
      for (const table of ['reference_names', 'reference_entities', 'reference_name_terms']) {
        await bench.db.query(`VACUUM ANALYZE ${table}`);
      }
    }
    printLoadAverage('before_queries');
    await timeQueries(bench.db, version, buildQueries(sample));
    printLoadAverage('at_end');
    if (args.keep && !args.reuse) {
      logProgress(
        `--keep: the scratch database is left in place (--reuse ${bench.name ?? '(embedded: none)'})`,
      );
      bench.close = async () => bench.db.destroy();
    }
  } finally {
    await bench.close();
  }
}

interface ImportedEntities {
  version: number;
  /** An evenly spread sample of the imported entities, to query for. */
  sample: MatchCandidate[];
}

/** The synthetic entities (the same stream for the same --entities), every k-th kept in `sample`. */
function* benchEntities(sample: MatchCandidate[]): Generator<MatchCandidate> {
  const every = Math.max(1, Math.floor(ENTITY_COUNT / QUERY_COUNT));
  let index = 0;
  for (const entity of syntheticEntities(createRng(SEED), ENTITY_COUNT, 'speed')) {
    if (index++ % every === 0) sample.push(entity);
    yield entity;
  }
}

/** Streams the entities into the importer and keeps an evenly spread sample to query for. */
async function importEntities(db: DataSource): Promise<ImportedEntities> {
  const sample: MatchCandidate[] = [];
  function* lines(): Generator<string> {
    for (const entity of benchEntities(sample)) yield ftmLine(entity, ['sanction'], 'bench-list');
  }
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const started = performance.now();
  let lastReport = started;
  try {
    const result = await importReferenceFile(db, {
      stream: Readable.from(lines()),
      fileName: `synthetic-${ENTITY_COUNT}.ftm.jsonl`,
      format: 'ftm',
      source: 'bench-matching-speed',
      importedBy: 'bench',
      onProgress: (written) => {
        const now = performance.now();
        if (now - lastReport < 10_000) return;
        lastReport = now;
        logProgress(`${written} records written (${Math.round(written / ((now - started) / 1000))}/s)`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    printFigure('import_records', result.recordsWritten);
    printFigure('import_seconds', seconds.toFixed(1));
    printFigure('import_records_per_second', Math.round(result.recordsWritten / seconds));
    printFigure('import_peak_rss_mb', Math.round(peakRss / 1024 / 1024));
    return { version: result.version, sample };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * --reuse: the entities a kept database holds, without importing them again. The sample is rebuilt by
 * regenerating the same entity stream (it is deterministic for a given --entities), and checked against
 * the database, so that a different --entities (or another database) fails rather than measures
 * queries for entities that are not there.
 */
async function reuseEntities(db: DataSource): Promise<ImportedEntities> {
  const [{ version }] = await db.query(
    `SELECT COALESCE(max(version), 0)::int AS version FROM reference_datasets`,
  );
  const sample: MatchCandidate[] = [];
  const entities = benchEntities(sample);
  while (!entities.next().done) {
    // Generated only to rebuild the sample: nothing is imported.
  }
  const [{ found }] = await db.query(
    `SELECT count(*)::int AS found FROM reference_entities
      WHERE external_id = ANY($1) AND version_from <= $2 AND (version_to IS NULL OR version_to > $2)`,
    [sample.map((entity) => entity.entityId), version],
  );
  if (found !== sample.length)
    throw new Error(
      `--reuse: ${found} of the ${sample.length} sampled entities are in the database as of version ${version}: was it kept by a run with --entities ${ENTITY_COUNT}?`,
    );
  printFigure('import', `skipped (--reuse), version ${version}`);
  return { version, sample };
}

function buildQueries(sample: readonly MatchCandidate[]): MatchQuery[] {
  const rng = createRng(SEED + 1);
  const strangers = createCompanyNameGenerator(createRng(SEED + 2), { unique: false, idPrefix: 'stranger' });
  const queries: MatchQuery[] = [];
  for (let i = 0; i < QUERY_COUNT + WARM_UP_QUERIES; i++) {
    if (i % 2 === 0) {
      const entity = sample[(i / 2) % sample.length]!;
      const source = entity.aliases.length > 0 && rng.chance(0.3) ? rng.pick(entity.aliases) : entity.name;
      const identifiers = entity.identifiers.length > 0 && rng.chance(0.15) ? [...entity.identifiers] : [];
      queries.push({
        name: addNoise(source, 1 + rng.int(2), rng).name,
        country: entity.country,
        identifiers,
      });
    } else {
      const company = strangers.next();
      queries.push({ name: company.name, country: rng.chance(0.7) ? company.country : null });
    }
  }
  return queries;
}

async function timeQueries(db: DataSource, version: number, queries: readonly MatchQuery[]): Promise<void> {
  const matcher = new NameMatcher(new MatchCandidatesRepository(db));
  for (const query of queries.slice(0, WARM_UP_QUERIES)) await matcher.match(query, { asOfVersion: version });
  const timed = queries.slice(WARM_UP_QUERIES);
  const backends = await databaseBackendPids(db);
  const cpuBefore = process.cpuUsage();
  const pgBefore = processesCpuSeconds(backends);
  const latencies: number[] = [];
  let hits = 0;
  const started = performance.now();
  for (const query of timed) {
    const t0 = performance.now();
    const matches = await matcher.match(query, { asOfVersion: version });
    latencies.push(performance.now() - t0);
    if (matches.length > 0) hits += 1;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const nodeSeconds = (cpu.user + cpu.system) / 1e6;
  const pgAfter = processesCpuSeconds(backends);
  await matcher.close();
  latencies.sort((a, b) => a - b);
  printFigure('queries', timed.length);
  printFigure('queries_with_hits', hits);
  printFigure('p50_ms', ms(percentile(latencies, 0.5)));
  printFigure('p95_ms', ms(percentile(latencies, 0.95)));
  printFigure('p99_ms', ms(percentile(latencies, 0.99)));
  printFigure('mean_ms', ms((wallSeconds * 1000) / timed.length));
  printFigure('queries_per_second_sequential', (timed.length / wallSeconds).toFixed(0));
  printFigure('node_cpu_ms_per_query', ms((nodeSeconds * 1000) / timed.length));
  if (pgBefore !== null && pgAfter !== null) {
    const pgSeconds = pgAfter - pgBefore;
    printFigure('postgres_cpu_ms_per_query', ms((pgSeconds * 1000) / timed.length));
    // Both processes' CPU time: what one core, fully used, would serve.
    printFigure('queries_per_second_per_core', (timed.length / (nodeSeconds + pgSeconds)).toFixed(0));
  } else {
    printFigure(
      'queries_per_second_per_core',
      `${(timed.length / wallSeconds).toFixed(0)} (sequential wall clock: the database server's CPU time is not readable from here)`,
    );
  }
}

/** The server processes serving this benchmark's connections (readable in /proc when the server is local). */
async function databaseBackendPids(db: DataSource): Promise<number[]> {
  const rows: { pid: number }[] = await db.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  const own: { pid: number }[] = await db.query('SELECT pg_backend_pid() AS pid');
  return [...rows, ...own].map((row) => row.pid);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:matching-speed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
