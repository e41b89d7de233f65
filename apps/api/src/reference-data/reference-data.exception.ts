import { codedExceptionFor } from '../common/coded-exception.js';

export enum ReferenceDataExceptionCode {
  NotMultipart = 'REFERENCE_IMPORT_NOT_MULTIPART',
  InvalidUpload = 'REFERENCE_IMPORT_INVALID_UPLOAD',
  FileMissing = 'REFERENCE_IMPORT_FILE_MISSING',
  FileTooLarge = 'REFERENCE_IMPORT_FILE_TOO_LARGE',
  UnknownFormat = 'REFERENCE_IMPORT_UNKNOWN_FORMAT',
  MalformedRecord = 'REFERENCE_IMPORT_MALFORMED_RECORD',
  EmptyQuery = 'REFERENCE_SEARCH_EMPTY_QUERY',
}

const STATUS: Record<ReferenceDataExceptionCode, number> = {
  [ReferenceDataExceptionCode.NotMultipart]: 415,
  [ReferenceDataExceptionCode.InvalidUpload]: 400,
  [ReferenceDataExceptionCode.FileMissing]: 400,
  [ReferenceDataExceptionCode.FileTooLarge]: 413,
  [ReferenceDataExceptionCode.UnknownFormat]: 400,
  [ReferenceDataExceptionCode.MalformedRecord]: 422,
  [ReferenceDataExceptionCode.EmptyQuery]: 400,
};

/** A reference-data request refused for a reason the caller can fix; the message says how. */
export class ReferenceDataException extends codedExceptionFor(STATUS) {}
