/**
 * A record that cannot be imported, named by file, line and field so an administrator can fix the file:
 * "people.jsonl line 12, field properties.name: required".
 */
export class ReferenceParseError extends Error {
  override readonly name = 'ReferenceParseError';

  constructor(
    readonly file: string,
    readonly line: number,
    /** Dotted path inside the record ("properties.name", "data.natures_of_control[1]"); '' for the whole record. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file} line ${line}${field ? `, field ${field}` : ''}: ${reason}`);
  }
}

/**
 * Thrown by the code that reads one record; the pipeline adds file and line, then fails or skips.
 * Field readers throw it so mapping code stays free of error plumbing.
 */
export class RecordIssue extends Error {
  override readonly name = 'RecordIssue';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}
