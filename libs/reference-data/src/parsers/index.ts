// The reference-data parsers: each streams one file format into ImportRecords for the dataset writer.
import { parseBods } from './bods/bods.parser.js';
import { parseFtm } from './ftm/ftm.parser.js';
import { parseGleifRr } from './gleif/gleif-rr.parser.js';
import type { ImportRecord } from './import-record.js';
import { parseListCsv } from './list-csv/list-csv.parser.js';
import type { ParseOptions, ParserInput } from './parse-options.js';
import type { ParseReport } from './parse-report.js';
import { parseBrands } from './project/brands.parser.js';
import { parseJurisdictions } from './project/jurisdictions.parser.js';
import { parsePsc } from './psc/psc.parser.js';

export * from './import-record.js';
export * from './parse-error.js';
export * from './parse-options.js';
export * from './parse-report.js';
export * from './seed-files.js';
export { parseBods, parseBrands, parseFtm, parseGleifRr, parseJurisdictions, parseListCsv, parsePsc };

export const REFERENCE_FORMATS = [
  'ftm',
  'bods',
  'gleif-rr',
  'psc',
  'list-csv',
  'brands',
  'jurisdictions',
] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];

/**
 * Streams a file's records. Throws ReferenceParseError on the first malformed record unless
 * `options.skipInvalid`; returns (and fills `options.report` with) the parse report.
 */
export type ReferenceParser = (
  input: ParserInput,
  options: ParseOptions,
) => AsyncGenerator<ImportRecord, ParseReport>;

const PARSERS: Readonly<Record<ReferenceFormat, ReferenceParser>> = {
  ftm: parseFtm,
  bods: parseBods,
  'gleif-rr': parseGleifRr,
  psc: parsePsc,
  'list-csv': parseListCsv,
  brands: parseBrands,
  jurisdictions: parseJurisdictions,
};

/** One line per format, for CLI help and error messages. */
export const REFERENCE_FORMAT_DESCRIPTIONS: Readonly<Record<ReferenceFormat, string>> = {
  ftm: 'FollowTheMoney JSON lines (OpenSanctions entities.ftm.json), delta lines included',
  bods: 'Beneficial Ownership Data Standard 0.2-0.4 statements, JSON array or JSON lines',
  'gleif-rr': 'GLEIF Level 2 relationship records, API JSON or golden-copy CSV',
  psc: 'Companies House PSC snapshot JSON lines or API items',
  'list-csv': 'list CSV with a header: OpenSanctions targets.simple.csv or name,list_id,... columns',
  brands: 'brand relations JSON lines (brand, manufacturer, relation, confidence, source)',
  jurisdictions: 'jurisdiction profiles JSON lines',
};

export function isReferenceFormat(format: string): format is ReferenceFormat {
  return (REFERENCE_FORMATS as readonly string[]).includes(format);
}

export class UnknownReferenceFormatError extends Error {
  override readonly name = 'UnknownReferenceFormatError';

  constructor(readonly format: string) {
    super(
      `unknown format '${format}': use one of ${REFERENCE_FORMATS.map(
        (known) => `${known} (${REFERENCE_FORMAT_DESCRIPTIONS[known]})`,
      ).join('; ')}`,
    );
  }
}

export function parserFor(format: string): ReferenceParser {
  if (!isReferenceFormat(format)) throw new UnknownReferenceFormatError(format);
  return PARSERS[format];
}
