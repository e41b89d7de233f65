// List CSVs with a header row, read by column name: OpenSanctions `targets.simple.csv`, or a generic list
// (name, list_id, ...). Which one is told by the header.
//
// Source: a generic row's `source_url`, else `options.source`, else the OpenSanctions entity page (for
// OpenSanctions rows) or the file name. Confidence: a `confidence` column, else `options.confidence`, else
// medium.
import type { ImportRecord } from '../import-record.js';
import { openCsv } from '../csv-reader.js';
import { ReferenceParseError } from '../parse-error.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords } from '../record-pipeline.js';
import { GENERIC_LIST_COLUMNS, genericListEntity } from './generic-list-row.js';
import type { ListCsvDefaults } from './list-csv-common.js';
import { OPENSANCTIONS_COLUMNS, openSanctionsEntity } from './opensanctions-row.js';

export async function* parseListCsv(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  const defaults: ListCsvDefaults = {
    source: options.source,
    file: options.file,
    confidence: options.confidence ?? 'medium',
  };
  const { header, rows } = await openCsv(input, options.file);
  const has = (columns: readonly string[]) => columns.every((column) => header.includes(column));
  if (has(OPENSANCTIONS_COLUMNS)) {
    return yield* mapRecords(
      rows,
      (row, context) =>
        openSanctionsEntity(row, context, defaults).map((value) => ({ type: 'entity', op: 'upsert', value })),
      options,
    );
  }
  if (has(GENERIC_LIST_COLUMNS)) {
    return yield* mapRecords(
      rows,
      (row) => [{ type: 'entity', op: 'upsert', value: genericListEntity(row, defaults) }],
      options,
    );
  }
  throw new ReferenceParseError(
    options.file,
    1,
    '',
    `unrecognised list CSV header: expected OpenSanctions columns (${OPENSANCTIONS_COLUMNS.join(', ')}, ...) ` +
      `or generic list columns (${GENERIC_LIST_COLUMNS.join(', ')}, ...)`,
  );
}
