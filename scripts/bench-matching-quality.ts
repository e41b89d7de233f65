// `npm run bench:matching-quality`: precision and recall of name screening as the service runs it —
// trigram and identifier retrieval in PostgreSQL, then the scorer — on the labelled set of the names
// library (seed entities plus a synthetic list; noisy positives, near-miss negatives). The listed
// entities go in through the real FtM importer. Prints name=value lines; the scorer alone on the same
// set (every query against every entity, no retrieval) is printed beside it, so what retrieval loses
// shows. Options: --threshold T, --positives N, --negatives N, --listed N (synthetic listed entities).
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  buildLabelledSet,
  DEFAULT_MATCH_THRESHOLD,
  evaluate,
  type LabelledQuery,
} from '../libs/domain/src/names/index.js';
import { MatchCandidatesRepository, NameMatcher } from '../libs/reference-data/src/matching/index.js';
import { importReferenceFile } from '../libs/reference-data/src/store/index.js';
import {
  ftmLine,
  logProgress,
  openBenchDatabase,
  printFigure,
  printLoadAverage,
} from './bench-matching-support.js';

const { values: args } = parseArgs({
  options: {
    threshold: { type: 'string' },
    positives: { type: 'string', default: '2000' },
    negatives: { type: 'string', default: '2000' },
    listed: { type: 'string', default: '2000' },
    'two-edit-similarity': { type: 'string' },
  },
});
const threshold = args.threshold === undefined ? DEFAULT_MATCH_THRESHOLD : Number(args.threshold);
/** Candidates scored per query: everything retrieval returns, so no hit above the threshold is missed. */
const EXAMPLES = 15;

interface Tally {
  positives: number;
  found: number;
  foundInTop5: number;
  retrieved: number;
  hits: number;
  wrongHits: number;
  falsePositives: string[];
  missed: string[];
}

async function main(): Promise<void> {
  const set = buildLabelledSet({
    positiveCount: Number(args.positives),
    negativeCount: Number(args.negatives),
    syntheticListedCount: Number(args.listed),
  });
  const bench = await openBenchDatabase(logProgress);
  try {
    const started = performance.now();
    const imported = await importReferenceFile(bench.db, {
      stream: Readable.from(set.listed.map((entity) => ftmLine(entity, ['sanction'], 'bench-list'))),
      fileName: 'labelled-set.ftm.jsonl',
      format: 'ftm',
      source: 'bench-matching-quality',
      importedBy: 'bench',
    });
    logProgress(
      `imported ${imported.recordsWritten} listed entities in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const matcher = new NameMatcher(new MatchCandidatesRepository(bench.db), {
      threshold,
      twoEditSimilarity:
        args['two-edit-similarity'] === undefined ? undefined : Number(args['two-edit-similarity']),
    });

    const tally: Tally = {
      positives: 0,
      found: 0,
      foundInTop5: 0,
      retrieved: 0,
      hits: 0,
      wrongHits: 0,
      falsePositives: [],
      missed: [],
    };
    const queried = performance.now();
    for (const labelled of set.queries) await measure(matcher, imported.version, labelled, tally);
    const seconds = (performance.now() - queried) / 1000;
    await matcher.close();

    const scorerOnly = evaluate(set.queries, set.listed, threshold);
    printFigure('database', bench.description);
    printFigure('listed_entities', set.listed.length);
    printFigure('positives', tally.positives);
    printFigure('negatives', set.queries.length - tally.positives);
    printFigure('threshold', threshold);
    printFigure('precision', ratio(tally.hits - tally.wrongHits, tally.hits).toFixed(4));
    printFigure('recall', ratio(tally.found, tally.positives).toFixed(4));
    printFigure('recall_at_5', ratio(tally.foundInTop5, tally.positives).toFixed(4));
    printFigure('retrieval_recall', ratio(tally.retrieved, tally.positives).toFixed(4));
    printFigure('hits', tally.hits);
    printFigure('wrong_hits', tally.wrongHits);
    printFigure('scorer_only_precision', scorerOnly.precision.toFixed(4));
    printFigure('scorer_only_recall', scorerOnly.recall.toFixed(4));
    printFigure('scorer_only_recall_at_5', scorerOnly.recallAt5.toFixed(4));
    printFigure('queries_per_second', (set.queries.length / seconds).toFixed(0));
    printLoadAverage('at_end');
    if (tally.falsePositives.length > 0)
      logProgress(`false positives:\n  ${tally.falsePositives.join('\n  ')}`);
    if (tally.missed.length > 0) logProgress(`missed positives:\n  ${tally.missed.join('\n  ')}`);
  } finally {
    await bench.close();
  }
}

async function measure(
  matcher: NameMatcher,
  version: number,
  labelled: LabelledQuery,
  tally: Tally,
): Promise<void> {
  // Threshold 0 and a generous limit: every retrieved candidate comes back scored, best first.
  const ranked = await matcher.match(labelled.query, { asOfVersion: version, threshold: 0, limit: 1000 });
  const expected = labelled.expectedEntityId;
  const hits = ranked.filter((match) => match.score >= matcher.threshold);
  tally.hits += hits.length;
  const wrong = hits.filter((match) => match.entity.externalId !== expected);
  tally.wrongHits += wrong.length;
  if (wrong.length > 0 && tally.falsePositives.length < EXAMPLES) {
    tally.falsePositives.push(
      `'${labelled.query.name}' (${labelled.origin}) → ${wrong[0]!.entity.externalId} '${wrong[0]!.matchedName}' ${wrong[0]!.score.toFixed(3)}`,
    );
  }
  if (expected === null) return;
  tally.positives += 1;
  const position = ranked.findIndex((match) => match.entity.externalId === expected);
  if (position >= 0) tally.retrieved += 1;
  if (position >= 0 && position < 5) tally.foundInTop5 += 1;
  if (hits.some((match) => match.entity.externalId === expected)) {
    tally.found += 1;
  } else if (tally.missed.length < EXAMPLES) {
    const best = position >= 0 ? `retrieved, scored ${ranked[position]!.score.toFixed(3)}` : 'not retrieved';
    tally.missed.push(`'${labelled.query.name}' (${labelled.origin}) → ${expected}: ${best}`);
  }
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:matching-quality failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
