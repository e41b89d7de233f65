// Imports one reference-data file: picks the parser for its format, hashes the file (the same file twice
// is a no-op), chooses snapshot or delta, and writes it as a new dataset version.
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import { ParseReport, type ParserInput, parserFor } from '../parsers/index.js';
import { fileHead, fileSha256, hashWhileReading, isFtmDelta, peekHead } from './file-input.js';
import { ReferenceImportErrorCode, ReferenceImportException } from './reference-import.exception.js';
import { type ImportMode, importReferenceData, type ReferenceImportResult } from './reference-data.writer.js';

/** The file: a path, or a stream read once (an upload) with the name to show in errors. */
export type ReferenceFileInput = { path: string } | { stream: ParserInput; fileName: string };

export type ReferenceFileImport = ReferenceFileInput & {
  /** One of REFERENCE_FORMATS ('ftm', 'bods', 'gleif-rr', 'psc', 'list-csv', 'brands', 'jurisdictions'). */
  format: string;
  /** Logical dataset the facts belong to; a snapshot replaces this source's facts. Default: the file name. */
  source?: string;
  /** Import the well-formed records and report the malformed ones, instead of failing on the first. */
  skipInvalid?: boolean;
  importedBy: string;
  /** Default: snapshot, except an FtM file whose first line is a delta operation. */
  mode?: ImportMode;
  onProgress?: (recordsWritten: number) => void;
  /** Called when a large import, committed, starts vacuuming the name indexes (seconds to a minute). */
  onSettling?: () => void;
  /** Records from which an import vacuums the name indexes afterwards (default SETTLE_AFTER_RECORDS). */
  settleAfterRecords?: number;
};

export interface ReferenceFileImportResult extends ReferenceImportResult {
  source: string;
  fileName: string;
  mode: ImportMode;
  /** Well-formed records the format's importer does not use, by reason ("schema Vessel": 12). */
  ignored: Record<string, number>;
}

export async function importReferenceFile(
  db: DataSource,
  request: ReferenceFileImport,
): Promise<ReferenceFileImportResult> {
  const parse = parserFor(request.format);
  const fileName = 'path' in request ? basename(request.path) : request.fileName;
  const source = request.source ?? fileName;
  // Only an FtM file can hold delta lines, and it says so in its first line.
  const sniffDelta = request.mode === undefined && request.format === 'ftm';
  const file = await openFile(request, sniffDelta);
  const mode = request.mode ?? (sniffDelta && isFtmDelta(file.head) ? 'delta' : 'snapshot');
  const report = new ParseReport(fileName);
  const result = await importReferenceData(db, {
    source,
    format: request.format,
    fileName,
    sha256: file.sha256,
    // The logical source stands for facts that name none: a file name would change with every download.
    records: parse(file.input, { file: fileName, skipInvalid: request.skipInvalid ?? false, report, source }),
    mode,
    importedBy: request.importedBy,
    onProgress: request.onProgress,
  });
  if (!result.noop && result.recordsWritten >= (request.settleAfterRecords ?? SETTLE_AFTER_RECORDS)) {
    request.onSettling?.();
    await settleNameIndexes(db);
  }
  return { ...result, source, fileName, mode, ignored: result.noop ? {} : report.ignored };
}

/** Imports at least this large leave enough behind in the name indexes to be worth a vacuum at once. */
const SETTLE_AFTER_RECORDS = 20_000;

/**
 * A large import queues its new words in the GIN indexes' pending lists, which every name search then
 * scans linearly (two-edit look-ups run about three times slower), and leaves the planner's statistics
 * stale, until autovacuum comes round. Vacuuming now puts screening on its steady-state speed at once.
 * Outside the import's transaction (VACUUM cannot run in one); a role that does not own the tables gets
 * a warning from PostgreSQL and the import stands.
 */
async function settleNameIndexes(db: DataSource): Promise<void> {
  await db.query('VACUUM (ANALYZE) reference_name_terms, reference_names, reference_entities');
}

interface OpenedFile {
  /** Opened lazily: a no-op import never reads past the hash. */
  input: ParserInput;
  sha256: string | Promise<string>;
  /** The first line or so, as text, when asked for. */
  head: string;
}

/** A path is hashed up front, so a repeat is recognised before anything is parsed. */
async function openFile(file: ReferenceFileInput, withHead: boolean): Promise<OpenedFile> {
  if (!('path' in file)) {
    const { chunks, sha256 } = hashWhileReading(file.stream);
    if (!withHead) return { input: chunks, sha256, head: '' };
    const peeked = await peekHead(chunks);
    return { input: peeked.chunks, sha256, head: peeked.head };
  }
  const path = file.path;
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new ReferenceImportException(
      ReferenceImportErrorCode.FileNotReadable,
      `cannot read ${path}: no such file, or no permission to read it`,
    );
  }
  return {
    input: readLazily(path),
    sha256: await fileSha256(path),
    head: withHead ? await fileHead(path) : '',
  };
}

async function* readLazily(path: string): AsyncGenerator<Buffer> {
  yield* createReadStream(path);
}

/** The import for Nest consumers (the imports endpoint), bound to the service's DataSource. */
export class ReferenceImportService {
  constructor(private readonly db: DataSource) {}

  importFile(request: ReferenceFileImport): Promise<ReferenceFileImportResult> {
    return importReferenceFile(this.db, request);
  }
}
