// This project's jurisdiction profiles, JSON lines shaped as the JurisdictionProfile contract:
// {"country": "CN", "intelligenceLaws": [{"id", "title", "articles"?, "source"}], "sanctionsRegimes":
//  [{"id", "title", "source"}], "source", "confidence", "note"?}
// `note` is for the people who curate the file (e.g. why Hong Kong lists no law); it is not imported.
import type { JurisdictionProfile } from '../../../../contracts/src/index.js';
import {
  asObject,
  fieldPath,
  optionalArray,
  optionalString,
  optionalStringList,
  requiredConfidence,
  requiredString,
} from '../fields.js';
import type { ImportRecord } from '../import-record.js';
import { readJsonRecords } from '../json-records.js';
import { RecordIssue } from '../parse-error.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords } from '../record-pipeline.js';

export function parseJurisdictions(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  return mapRecords(
    readJsonRecords(input, { file: options.file }),
    (line) => [{ type: 'jurisdiction', op: 'upsert', value: jurisdictionProfile(line) }],
    options,
  );
}

function jurisdictionProfile(line: unknown): JurisdictionProfile {
  const record = asObject(line, '');
  const country = requiredString(record, 'country', '');
  if (!/^[A-Z]{2}$/.test(country))
    throw new RecordIssue('country', `'${country}' is not an ISO 3166-1 alpha-2 code`);
  if (!Array.isArray(record.intelligenceLaws))
    throw new RecordIssue('intelligenceLaws', 'required: a list, empty when none');
  optionalString(record, 'note', ''); // must be text if present; kept in the file only
  return {
    country,
    intelligenceLaws: optionalArray(record, 'intelligenceLaws', '').map((item, index) => {
      const field = fieldPath('intelligenceLaws', index);
      const law = asObject(item, field);
      const articles = optionalStringList(law, 'articles', field);
      return {
        id: requiredString(law, 'id', field),
        title: requiredString(law, 'title', field),
        ...(articles.length > 0 && { articles }),
        source: requiredString(law, 'source', field),
      };
    }),
    sanctionsRegimes: optionalArray(record, 'sanctionsRegimes', '').map((item, index) => {
      const field = fieldPath('sanctionsRegimes', index);
      const regime = asObject(item, field);
      return {
        id: requiredString(regime, 'id', field),
        title: requiredString(regime, 'title', field),
        source: requiredString(regime, 'source', field),
      };
    }),
    source: requiredString(record, 'source', ''),
    confidence: requiredConfidence(record, 'confidence', ''),
  };
}
