// `npm run import -- <format> <file> [--source NAME] [--skip-invalid] [--delta]`: imports one
// reference-data file into DATABASE_URL as a new dataset version. Progress goes to stderr, the summary to
// stdout; a failure exits non-zero with a message (a stack trace only for what looks like a bug).
// With TEMPORAL_ADDRESS set, a new version triggers a monitoring run (approved screenings re-checked);
// without it, the periodic run (MONITORING_INTERVAL) re-checks them, and the summary says so.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import {
  ConfigValidationError,
  loadConfig,
  parseInterval,
  type AppConfig,
} from '../libs/config/src/index.js';
import { createDataSource } from '../libs/persistence/src/index.js';
import {
  REFERENCE_FORMAT_DESCRIPTIONS,
  REFERENCE_FORMATS,
} from '../libs/reference-data/src/parsers/index.js';
import {
  importReferenceFile,
  isReferenceImportUserError,
  type ReferenceFileImportResult,
} from '../libs/reference-data/src/store/index.js';
import {
  connectTemporalClient,
  monitoringScheduleId,
  triggerMonitoring,
} from '../libs/temporal/src/index.js';

const USAGE = `usage: npm run import -- <format> <file> [--source NAME] [--skip-invalid] [--delta]

  --source NAME    dataset the facts belong to (default: the file name); a snapshot replaces its facts
  --skip-invalid   import the well-formed records and list the malformed ones
  --delta          the file lists changes only (default for FtM files of ADD/MOD/DEL lines)

formats:
${REFERENCE_FORMATS.map((format) => `  ${format.padEnd(14)} ${REFERENCE_FORMAT_DESCRIPTIONS[format]}`).join('\n')}`;

const PROGRESS_INTERVAL_MS = 3000;

class UsageError extends Error {}

interface CommandLine {
  format: string;
  path: string;
  source?: string;
  skipInvalid: boolean;
  delta: boolean;
}

function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        delta: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [format, path, ...rest] = parsed.positionals;
  if (!format || !path || rest.length > 0) throw new UsageError('expected a format and a file');
  const { source, 'skip-invalid': skipInvalid, delta } = parsed.values;
  return { format, path, source, skipInvalid: skipInvalid ?? false, delta: delta ?? false };
}

/** Prints "N records written (R records/s)" at most every few seconds. */
function progressPrinter(): (recordsWritten: number) => void {
  const started = Date.now();
  let printed = started;
  return (recordsWritten) => {
    const now = Date.now();
    if (now - printed < PROGRESS_INTERVAL_MS) return;
    printed = now;
    const rate = Math.round(recordsWritten / ((now - started) / 1000));
    process.stderr.write(`${recordsWritten} records written (${rate} records/s)\n`);
  };
}

function summary(result: ReferenceFileImportResult, seconds: number): string {
  if (result.noop) {
    return `${result.fileName} is already imported as version ${result.version} (source ${result.source}): nothing to do\nnoop=true\n`;
  }
  const lines = [
    `imported ${result.fileName} as reference data version ${result.version} (source ${result.source}, ${result.mode}) in ${seconds.toFixed(1)} s`,
    `version=${result.version}`,
    `records=${result.recordsWritten}`,
    `closed=${result.closed}`,
    `skipped=${result.skippedCount}`,
    ...result.skipped.map(
      (skip) => `  line ${skip.line}${skip.field ? `, field ${skip.field}` : ''}: ${skip.message}`,
    ),
  ];
  if (result.skippedCount > result.skipped.length)
    lines.push(`  ... and ${result.skippedCount - result.skipped.length} more`);
  for (const [reason, count] of Object.entries(result.ignored))
    lines.push(`ignored ${count} records (${reason})`);
  if (result.unattachedMemberships > 0) {
    lines.push(
      `unattached_memberships=${result.unattachedMemberships} (list memberships of entities not in the data)`,
    );
  }
  lines.push('noop=false');
  return `${lines.join('\n')}\n`;
}

/** `monitoring=…` lines: whether approved screenings are being re-checked against the new version. */
async function startMonitoring(config: AppConfig): Promise<string> {
  const scheduleId = monitoringScheduleId(config.TEMPORAL_TASK_QUEUE);
  if (!config.TEMPORAL_ADDRESS) {
    return `monitoring=not_triggered (TEMPORAL_ADDRESS is not set: approved screenings are re-checked at the next periodic run of schedule ${scheduleId}, every ${config.MONITORING_INTERVAL})\n`;
  }
  try {
    const client = await connectTemporalClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    try {
      await triggerMonitoring(client, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        intervalMs: parseInterval(config.MONITORING_INTERVAL)!,
      });
    } finally {
      await client.connection.close();
    }
    return `monitoring=triggered (schedule ${scheduleId}: approved screenings are being re-checked)\n`;
  } catch (error) {
    // The import is stored: a failed trigger only delays the re-check to the periodic run.
    return `monitoring=not_triggered (could not trigger schedule ${scheduleId}: ${(error as Error)?.message ?? String(error)}; the periodic run, every ${config.MONITORING_INTERVAL}, re-checks approved screenings)\n`;
  }
}

async function main(argv: string[]): Promise<void> {
  const commandLine = parseCommandLine(argv);
  const config = loadConfig();
  const { DATABASE_URL } = config;
  if (!DATABASE_URL)
    throw new UsageError('DATABASE_URL is not set: export DATABASE_URL=postgres://user@host:5432/database');
  const db = await createDataSource(DATABASE_URL).initialize();
  try {
    const started = Date.now();
    const result = await importReferenceFile(db, {
      path: commandLine.path,
      format: commandLine.format,
      source: commandLine.source,
      skipInvalid: commandLine.skipInvalid,
      mode: commandLine.delta ? 'delta' : undefined,
      importedBy: `cli:${userInfo().username}`,
      onProgress: progressPrinter(),
      onSettling: () => process.stderr.write('import: committed; vacuuming the name indexes\n'),
    });
    process.stdout.write(summary(result, (Date.now() - started) / 1000));
    if (!result.noop) process.stdout.write(await startMonitoring(config));
  } finally {
    await db.destroy();
  }
}

/** Connection failures are the environment's, not a bug: their message says enough. */
function isEnvironmentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|28P01|3D000)$/.test(code);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
  } else if (
    isReferenceImportUserError(error) ||
    error instanceof ConfigValidationError ||
    isEnvironmentError(error)
  ) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(
      `import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
