// The loop every parser shares: read raw records, map each to import records, and either fail on the
// first malformed one (naming file, line and field) or skip it into the report and go on.
import type { ImportRecord } from './import-record.js';
import { RecordIssue, ReferenceParseError } from './parse-error.js';
import type { ParseOptions } from './parse-options.js';
import { ParseReport } from './parse-report.js';
import type { Located } from './located.js';

export interface RecordContext {
  /** Count a well-formed record this importer does not use (unknown schema, PSC statement...). */
  ignore(reason: string): void;
}

/**
 * Maps one raw record; throws RecordIssue when it is malformed. Returns all records at once so a
 * malformed record is skipped whole, never half-imported.
 */
export type RecordMapper<T> = (raw: T, context: RecordContext) => ImportRecord[];

export async function* mapRecords<T>(
  raws: AsyncIterable<Located<T>>,
  mapRecord: RecordMapper<T>,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  const report = options.report ?? new ParseReport(options.file);
  const context: RecordContext = { ignore: (reason) => report.recordIgnored(reason) };
  for await (const raw of raws) {
    report.recordsRead += 1;
    let records: ImportRecord[];
    try {
      if ('issue' in raw) throw raw.issue;
      records = mapRecord(raw.value, context);
    } catch (error) {
      if (!(error instanceof RecordIssue)) throw error;
      if (!options.skipInvalid)
        throw new ReferenceParseError(options.file, raw.line, error.field, error.reason);
      report.recordSkipped(raw.line, error);
      continue;
    }
    for (const record of records) {
      report.recordsEmitted += 1;
      yield record;
    }
  }
  return report;
}
