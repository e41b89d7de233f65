// This project's brand-relations file, JSON lines:
// {"brand": "HiLook", "manufacturer": "<entity externalId>", "relation": "own_brand", "validFrom"?,
//  "validTo"?, "confidence": "high", "source": "https://...", "id"?}
// Every line states its own source and confidence: the file is curated by hand and must say why.
import type { BrandRelation, BrandRelationKind } from '../../../../contracts/src/index.js';
import { slugOf } from '../external-ids.js';
import {
  asObject,
  oneOf,
  optionalDate,
  optionalString,
  requiredConfidence,
  requiredString,
} from '../fields.js';
import type { ImportRecord } from '../import-record.js';
import { readJsonRecords } from '../json-records.js';
import { RecordIssue } from '../parse-error.js';
import type { ParseOptions, ParserInput } from '../parse-options.js';
import type { ParseReport } from '../parse-report.js';
import { mapRecords } from '../record-pipeline.js';

export const BRAND_RELATION_KINDS: readonly BrandRelationKind[] = [
  'own_brand',
  'oem',
  'white_label',
  'former_subsidiary',
  'component_maker',
];

export function parseBrands(
  input: ParserInput,
  options: ParseOptions,
): AsyncGenerator<ImportRecord, ParseReport> {
  return mapRecords(
    readJsonRecords(input, { file: options.file }),
    (line) => [{ type: 'brand', op: 'upsert', value: brandRelation(line) }],
    options,
  );
}

function brandRelation(line: unknown): BrandRelation {
  const record = asObject(line, '');
  const brand = requiredString(record, 'brand', '');
  const manufacturerExternalId = requiredString(record, 'manufacturer', '');
  const relation = oneOf(requiredString(record, 'relation', ''), BRAND_RELATION_KINDS, 'relation');
  const validFrom = optionalDate(record, 'validFrom', '');
  const validTo = optionalDate(record, 'validTo', '');
  if (validFrom && validTo && validFrom > validTo)
    throw new RecordIssue('validTo', `${validTo} is before validFrom ${validFrom}`);
  return {
    // The same brand may have had the same relation to a maker twice; the start date tells them apart.
    externalId:
      optionalString(record, 'id', '') ??
      ['brand', slugOf(brand), manufacturerExternalId, relation, validFrom].filter(Boolean).join(':'),
    brand,
    manufacturerExternalId,
    relation,
    validFrom: validFrom ?? null,
    validTo: validTo ?? null,
    source: requiredString(record, 'source', ''),
    confidence: requiredConfidence(record, 'confidence', ''),
  };
}
