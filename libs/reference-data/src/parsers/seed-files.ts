// The seed dataset shipped in libs/reference-data/seed, loaded on first start. Its files are parsed
// strictly: a malformed seed record is a bug in the repository, not something to skip.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { ImportRecord } from './import-record.js';
import { ParseReport } from './parse-report.js';
import { parseBrands } from './project/brands.parser.js';
import { parseJurisdictions } from './project/jurisdictions.parser.js';
import { parseFtm } from './ftm/ftm.parser.js';

/** Relative to the repository root. */
export const SEED_DIRECTORY = 'libs/reference-data/seed';

/** In load order: entities before the brand relations that name them as manufacturers. */
export const SEED_FILES = [
  { file: 'entities.ftm.jsonl', format: 'ftm', parse: parseFtm },
  { file: 'brands.jsonl', format: 'brands', parse: parseBrands },
  { file: 'jurisdictions.jsonl', format: 'jurisdictions', parse: parseJurisdictions },
] as const;

/** All seed records, file after file; returns one report per file. */
export async function* parseSeedDataset(seedDirectory: string): AsyncGenerator<ImportRecord, ParseReport[]> {
  const reports: ParseReport[] = [];
  for (const { file, parse } of SEED_FILES) {
    const report = new ParseReport(file);
    yield* parse(createReadStream(join(seedDirectory, file)), { file, skipInvalid: false, report });
    reports.push(report);
  }
  return reports;
}
