import { ReferenceParseError, UnknownReferenceFormatError } from '../parsers/index.js';

export enum ReferenceImportErrorCode {
  FileNotReadable = 'file_not_readable',
}

/** A reference-data import refused for a reason the person importing can fix. */
export class ReferenceImportException extends Error {
  override readonly name = 'ReferenceImportException';

  constructor(
    readonly code: ReferenceImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Errors whose message tells the user what to fix: shown as they are, without a stack trace. */
export function isReferenceImportUserError(error: unknown): error is Error {
  return (
    error instanceof ReferenceImportException ||
    error instanceof ReferenceParseError ||
    error instanceof UnknownReferenceFormatError
  );
}
