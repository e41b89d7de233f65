import type { RecordIssue } from './parse-error.js';

export interface SkippedRecord {
  line: number;
  field: string;
  message: string;
}

/** Kept skipped records; a badly broken file must not turn the report into a memory leak. */
const DEFAULT_SKIPPED_KEPT = 1000;

/**
 * What one parse did. It is live: an importer can read `recordsRead` while iterating to show progress.
 */
export class ParseReport {
  /** Raw records read: lines, array elements or CSV rows (blank lines excluded). */
  recordsRead = 0;
  /** Records yielded to the consumer (one raw record may yield several, e.g. a PSC line). */
  recordsEmitted = 0;
  /** Malformed records passed over with `skipInvalid`; the first `skippedKept` of them are listed. */
  skippedCount = 0;
  readonly skipped: SkippedRecord[] = [];
  /** Well-formed records this importer does not use, counted by reason ("schema Vessel", "psc statement"). */
  readonly ignored: Record<string, number> = {};

  constructor(
    readonly file: string,
    private readonly skippedKept = DEFAULT_SKIPPED_KEPT,
  ) {}

  get ignoredCount(): number {
    return Object.values(this.ignored).reduce((sum, count) => sum + count, 0);
  }

  recordSkipped(line: number, issue: RecordIssue): void {
    this.skippedCount += 1;
    if (this.skipped.length < this.skippedKept) {
      this.skipped.push({ line, field: issue.field, message: issue.reason });
    }
  }

  recordIgnored(reason: string): void {
    this.ignored[reason] = (this.ignored[reason] ?? 0) + 1;
  }
}
