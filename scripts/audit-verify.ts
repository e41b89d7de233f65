// `npm run audit:verify -- <screening id>... | --all [--json]`: recomputes audit hash chains straight
// from DATABASE_URL, without the API, and checks each chain's end against the head hash its screening
// keeps. Exit code 0 when every trail verifies, 1 when any is broken, 2 for a usage error or an
// unknown screening, 3 when it could not run (database unreachable).
import { AuditEventRepository, AuditTrailVerifier, type TrailVerification } from '../libs/audit/src/index.js';
import { loadConfig } from '../libs/config/src/index.js';
import { createDataSource } from '../libs/persistence/src/index.js';

const USAGE = 'usage: npm run audit:verify -- <screening id> [<screening id> ...] | --all   [--json]';

const EXIT = { valid: 0, broken: 1, usage: 2, failed: 3 } as const;

interface Options {
  all: boolean;
  json: boolean;
  ids: string[];
}

function parseArguments(argv: string[]): Options | string {
  const options: Options = { all: false, json: false, ids: [] };
  for (const arg of argv) {
    if (arg === '--all') options.all = true;
    else if (arg === '--json') options.json = true;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.ids.push(arg);
  }
  if (options.all === options.ids.length > 0) return 'name screening ids or --all (not both)';
  return options;
}

function summaryLine(result: TrailVerification): string {
  const head = `${result.screeningId}  ${result.valid ? 'valid' : 'BROKEN'}  events=${result.events}`;
  if (!result.valid) return `${head}  brokenAt=${result.brokenAt!.seq}  ${result.brokenAt!.reason}`;
  return `${head}  ${result.sealed ? 'sealed' : 'open'}  head=${result.headHash ?? 'none'}`;
}

async function main(argv: string[]): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return EXIT.usage;
  }
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    console.error('audit:verify needs DATABASE_URL (postgres://user:password@host:5432/database).');
    return EXIT.usage;
  }
  const db = await createDataSource(config.DATABASE_URL, { logging: false }).initialize();
  try {
    const verifier = new AuditTrailVerifier(new AuditEventRepository(db));
    const print = (result: TrailVerification) =>
      console.log(
        options.json
          ? JSON.stringify({
              screeningId: result.screeningId,
              valid: result.valid,
              events: result.events,
              ...(result.brokenAt ? { brokenAt: result.brokenAt } : {}),
              sealed: result.sealed,
              sealHash: result.sealHash,
              headHash: result.headHash,
              lastHash: result.lastHash,
            })
          : summaryLine(result),
      );
    let checked = 0;
    let broken = 0;
    let missing = 0;
    const results = options.all ? verifier.verifyAll() : verifyEach(verifier, options.ids, () => missing++);
    for await (const result of results) {
      checked += 1;
      if (!result.valid) broken += 1;
      print(result);
    }
    if (!options.json)
      console.log(`${checked} trail(s) checked: ${checked - broken} valid, ${broken} broken`);
    if (broken) return EXIT.broken;
    return missing ? EXIT.usage : EXIT.valid;
  } finally {
    await db.destroy();
  }
}

async function* verifyEach(
  verifier: AuditTrailVerifier,
  ids: string[],
  onMissing: () => void,
): AsyncGenerator<TrailVerification> {
  for (const id of ids) {
    const result = await verifier.verify(id);
    if (result) yield result;
    else {
      console.error(`${id}  not found: no such screening`);
      onMissing();
    }
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = EXIT.failed;
}
