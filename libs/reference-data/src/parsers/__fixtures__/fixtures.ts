// Helpers for the parser specs: fixture files, chunked inputs, and draining a parser into an array.
import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ImportRecord } from '../import-record.js';
import type { ParseReport } from '../parse-report.js';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** A fixture as a file stream; a small highWaterMark splits records, strings and UTF-8 characters across chunks. */
export function fixtureStream(name: string, highWaterMark = 7): Readable {
  return createReadStream(fixturePath(name), { highWaterMark });
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export async function* textInput(text: string, chunkSize = 5): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
}

export interface Parsed<R = ParseReport> {
  records: ImportRecord[];
  report: R;
}

export async function collect<R>(parser: AsyncGenerator<ImportRecord, R>): Promise<Parsed<R>> {
  const records: ImportRecord[] = [];
  for (let next = await parser.next(); ; next = await parser.next()) {
    if (next.done) return { records, report: next.value };
    records.push(next.value);
  }
}

/** The upserted values of one record type, e.g. `valuesOf(records, 'entity')`. */
export function valuesOf<T extends ImportRecord['type']>(records: ImportRecord[], type: T) {
  return records.flatMap((record) =>
    record.type === type && record.op === 'upsert' && 'value' in record
      ? [record.value as UpsertValue<T>]
      : [],
  );
}

type UpsertValue<T extends ImportRecord['type']> =
  Extract<ImportRecord, { type: T; op: 'upsert' }> extends { value: infer V } ? V : never;
