import type { RecordIssue } from './parse-error.js';

/** One raw record with the line it starts on, or the reason it could not be read. */
export type Located<T> = { line: number; value: T } | { line: number; issue: RecordIssue };

/**
 * Largest record a reader will hold. Records are small in every supported format; hitting this means the
 * file is in another format or a quote/bracket is unbalanced, and holding on would break constant memory.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;
