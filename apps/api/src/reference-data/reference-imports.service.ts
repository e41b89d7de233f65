import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ReferenceParseError,
  UnknownReferenceFormatError,
} from '../../../../libs/reference-data/src/parsers/index.js';
import {
  ReferenceImportService,
  type ReferenceFileImportResult,
} from '../../../../libs/reference-data/src/store/index.js';
import { MonitoringGateway, type MonitoringTrigger } from '../temporal/monitoring.gateway.js';
import type { ImportReferenceDataDto } from './dtos/import-reference-data.dto.js';
import { ReferenceDataException, ReferenceDataExceptionCode } from './reference-data.exception.js';

const PROGRESS_INTERVAL_MS = 5000;

export interface StoredUpload {
  path: string;
  fileName: string;
}

/**
 * Imports an uploaded file as a new dataset version (see libs/reference-data/src/store), then starts a
 * monitoring run so approved screenings are re-checked against it.
 */
@Injectable()
export class ReferenceImportsService {
  private readonly logger = new Logger('ReferenceImport');

  constructor(
    @Inject(ReferenceImportService) private readonly importer: ReferenceImportService,
    @Inject(MonitoringGateway) private readonly monitoring: MonitoringGateway,
  ) {}

  async import(upload: StoredUpload, fields: ImportReferenceDataDto, userId: string) {
    const started = Date.now();
    let reported = started;
    try {
      const result = await this.importer.importFile({
        path: upload.path,
        format: fields.format,
        source: fields.source,
        skipInvalid: fields.skipInvalid ?? false,
        mode: fields.mode,
        importedBy: `api:${userId}`,
        // Long imports (millions of records) take minutes: the log shows they are moving.
        onProgress: (written) => {
          if (Date.now() - reported < PROGRESS_INTERVAL_MS) return;
          reported = Date.now();
          this.logger.log(`${upload.fileName}: ${written} records written`);
        },
      });
      this.logger.log(
        result.noop
          ? `${upload.fileName}: already imported as version ${result.version}`
          : `${upload.fileName}: version ${result.version}, ${result.recordsWritten} records, ${result.skippedCount} skipped, in ${Date.now() - started} ms`,
      );
      // A no-op import made no new version: nothing to re-check.
      const monitoring = result.noop ? null : await this.monitoring.trigger();
      return presentImport(result, fields.format, monitoring);
    } catch (error) {
      throw asUserError(error) ?? error;
    }
  }
}

function asUserError(error: unknown): ReferenceDataException | undefined {
  if (error instanceof ReferenceParseError) {
    return new ReferenceDataException(
      ReferenceDataExceptionCode.MalformedRecord,
      `${error.message}. Nothing was imported: fix the record, or send skipInvalid=true to import the rest and list what was skipped.`,
      { file: error.file, line: error.line, field: error.field, reason: error.reason },
    );
  }
  if (error instanceof UnknownReferenceFormatError) {
    return new ReferenceDataException(ReferenceDataExceptionCode.UnknownFormat, error.message);
  }
  return undefined;
}

function presentImport(
  result: ReferenceFileImportResult,
  format: string,
  monitoring: MonitoringTrigger | null,
) {
  return {
    version: result.version,
    noop: result.noop,
    source: result.source,
    fileName: result.fileName,
    format,
    mode: result.mode,
    records: result.recordsWritten,
    closed: result.closed,
    skippedCount: result.skippedCount,
    skipped: result.skipped,
    ignored: result.ignored,
    unattachedMemberships: result.unattachedMemberships,
    /** Whether a monitoring run was started to re-check approved screenings; null for a no-op. */
    monitoring,
  };
}
