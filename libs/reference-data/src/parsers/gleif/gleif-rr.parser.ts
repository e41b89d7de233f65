// GLEIF Level 2 relationship records (who consolidates whom), from the API (JSON) or the golden-copy CSV;
// the layout is recognised from the first character. Each direct or ultimate consolidation becomes a
// control-only "parent" relation between `LEI:<child>` and `LEI:<parent>`; the file names no entities.
//
// Source: `options.source`, else the child's GLEIF record page. Confidence: `options.confidence`, else high
// (GLEIF validates Level 2 data against the parent's consolidated accounts).
import type { ImportRecord } from '../import-record.js';
import { openCsv } from '../csv-reader.js';
import { readJsonRecords } from '../json-records.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords } from '../record-pipeline.js';
import { firstSignificantChar, peekText, textChunks } from '../text-input.js';
import { gleifCsvLayout, gleifCsvRelationship } from './gleif-csv.js';
import { gleifJsonRelationship } from './gleif-json.js';
import { gleifParentRelation, type GleifDefaults } from './gleif-relationship.js';

export async function* parseGleifRr(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  const defaults: GleifDefaults = { source: options.source, confidence: options.confidence ?? 'high' };
  const { head, chunks } = await peekText(textChunks(input), (text) => firstSignificantChar(text) !== '');
  if (['{', '['].includes(firstSignificantChar(head))) {
    const items = readJsonRecords(chunks, { file: options.file, wrapperKeys: ['data'] });
    return yield* mapRecords(
      items,
      (item, context) => gleifParentRelation(gleifJsonRelationship(item), context, defaults),
      options,
    );
  }
  const table = await openCsv(chunks, options.file);
  const layout = gleifCsvLayout(table.header, options.file);
  return yield* mapRecords(
    table.rows,
    (row, context) => gleifParentRelation(gleifCsvRelationship(row, layout), context, defaults),
    options,
  );
}
