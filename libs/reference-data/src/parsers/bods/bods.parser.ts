// Beneficial Ownership Data Standard statements, 0.4 and 0.2/0.3, as a JSON array (streamed element by
// element) or JSON lines. The version is read per statement: 0.4 statements carry `recordType`.
//
// Source: the statement's `source.url`, else `options.source`, else the file name. Confidence: high for
// official-register or verified sources, medium for other declared source types, else `options.confidence`
// or medium.
import type { ImportRecord } from '../import-record.js';
import { asObject } from '../fields.js';
import { readJsonRecords } from '../json-records.js';
import { RecordIssue } from '../parse-error.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords, type RecordContext } from '../record-pipeline.js';
import type { Provenance } from '../provenance.js';
import { bodsV02Statement } from './bods-v02.js';
import { bodsV04Statement } from './bods-v04.js';

export function parseBods(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  const defaults: Provenance = {
    source: options.source ?? options.file,
    confidence: options.confidence ?? 'medium',
  };
  return mapRecords(
    readJsonRecords(input, { file: options.file }),
    (value, context) => bodsStatement(value, context, defaults),
    options,
  );
}

function bodsStatement(value: unknown, context: RecordContext, defaults: Provenance): ImportRecord[] {
  const statement = asObject(value, '');
  if ('recordType' in statement) return bodsV04Statement(statement, context, defaults);
  if ('statementType' in statement) return bodsV02Statement(statement, context, defaults);
  throw new RecordIssue('', 'not a BODS statement: neither recordType (0.4) nor statementType (0.2/0.3)');
}
