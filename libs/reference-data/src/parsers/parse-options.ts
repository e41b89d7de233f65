import type { Readable } from 'node:stream';
import type { Confidence } from '../../../contracts/src/index.js';
import type { ParseReport } from './parse-report.js';

/** A file's bytes or text as chunks: a Node `Readable` (fs, HTTP upload), an async iterable, or an array. */
export type ParserInput = Readable | AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export interface ParseOptions {
  /** Display name used in errors and reports, e.g. "people.jsonl". */
  file: string;
  /** Skip malformed records (listed in the report) instead of failing on the first one. */
  skipInvalid: boolean;
  /** Filled while parsing; the parser also returns it as the generator's return value. */
  report?: ParseReport;
  /** Source for records that carry none; each parser documents its own default. */
  source?: string;
  /** Confidence for records that carry none; each parser documents its own default. */
  confidence?: Confidence;
}
