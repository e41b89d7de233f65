// RFC 4180 CSV, streamed: quoted fields may hold commas, doubled quotes and line breaks. Rows are keyed
// by header name, so files from different producers (or versions) with reordered columns read the same.
import { RecordIssue, ReferenceParseError } from './parse-error.js';
import type { ParserInput } from './parse-options.js';
import { MAX_RECORD_CHARS, type Located } from './located.js';
import { textChunks } from './text-input.js';

/** A data row keyed by lower-cased, trimmed header name. */
export type CsvRow = Readonly<Record<string, string>>;

export interface CsvTable {
  /** Lower-cased, trimmed header names in file order. */
  header: string[];
  rows: AsyncGenerator<Located<CsvRow>>;
}

export async function openCsv(input: ParserInput, file: string): Promise<CsvTable> {
  const rows = readCsvRows(textChunks(input), file);
  const first = await rows.next();
  if (first.done) throw new ReferenceParseError(file, 1, '', 'empty file: expected a header row');
  if ('issue' in first.value)
    throw new ReferenceParseError(file, first.value.line, '', first.value.issue.reason);
  const header = first.value.value.map((name) => name.trim().toLowerCase());
  return { header, rows: keyByHeader(rows, header) };
}

async function* keyByHeader(
  rows: AsyncGenerator<Located<string[]>>,
  header: string[],
): AsyncGenerator<Located<CsvRow>> {
  for await (const row of rows) {
    if ('issue' in row) {
      yield row;
    } else if (row.value.length !== header.length) {
      const reason = `expected ${header.length} fields as in the header, found ${row.value.length}`;
      yield { line: row.line, issue: new RecordIssue('', reason) };
    } else {
      const keyed: Record<string, string> = {};
      header.forEach((name, index) => (keyed[name] = row.value[index]!));
      yield { line: row.line, value: keyed };
    }
  }
}

/** Yields each row's fields with the line the row starts on; blank lines are passed over. */
export async function* readCsvRows(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<Located<string[]>> {
  const reader = new CsvRowReader(file);
  for await (const chunk of chunks) yield* reader.push(chunk);
  yield* reader.end();
}

class CsvRowReader {
  private line = 1;
  private rowLine = 1;
  private rowStarted = false;
  private fields: string[] = [];
  private rowLength = 0;
  private field = '';
  private atFieldStart = true;
  private inQuotes = false;
  private afterClosingQuote = false;
  /** Start, in the current chunk, of field text not yet copied into `field`; -1 when none. */
  private segmentStart = -1;

  constructor(private readonly file: string) {}

  *push(chunk: string): Generator<Located<string[]>> {
    if (this.segmentStart !== -1) this.segmentStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inQuotes) {
        if (c === '"') {
          this.commitSegment(chunk, i);
          this.inQuotes = false;
          this.afterClosingQuote = true;
        } else if (c === '\n') {
          this.line += 1;
        }
        continue;
      }
      if (this.afterClosingQuote) {
        this.afterClosingQuote = false;
        if (c === '"') {
          // A doubled quote inside a quoted field stands for one quote.
          this.field += '"';
          this.inQuotes = true;
          this.segmentStart = i + 1;
          continue;
        }
      }
      if (c === '\n') {
        this.commitSegment(chunk, i);
        const row = this.endRow();
        this.line += 1;
        if (row) yield row;
        continue;
      }
      if (!this.rowStarted) {
        this.rowStarted = true;
        this.rowLine = this.line;
      }
      if (c === ',') {
        this.commitSegment(chunk, i);
        this.endField();
      } else if (c === '"' && this.atFieldStart) {
        this.atFieldStart = false;
        this.inQuotes = true;
        this.segmentStart = i + 1;
      } else {
        // Quotes inside an unquoted field are kept as text (lenient, as most producers expect).
        this.atFieldStart = false;
        if (this.segmentStart === -1) this.segmentStart = i;
      }
    }
    if (this.segmentStart !== -1) {
      this.commitSegment(chunk, chunk.length);
      this.segmentStart = 0;
    }
  }

  *end(): Generator<Located<string[]>> {
    if (this.inQuotes) {
      const reason = `unexpected end of file: the quoted field of the row starting on line ${this.rowLine} is not closed`;
      yield { line: this.rowLine, issue: new RecordIssue('', reason) };
      return;
    }
    const row = this.endRow();
    if (row) yield row;
  }

  private commitSegment(chunk: string, endExclusive: number): void {
    if (this.segmentStart === -1) return;
    this.field += chunk.slice(this.segmentStart, endExclusive);
    this.segmentStart = -1;
    if (this.rowLength + this.field.length > MAX_RECORD_CHARS) {
      throw new ReferenceParseError(
        this.file,
        this.rowLine,
        '',
        `row longer than ${MAX_RECORD_CHARS} characters: is a quote unbalanced?`,
      );
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.rowLength += this.field.length;
    this.field = '';
    this.atFieldStart = true;
  }

  private endRow(): Located<string[]> | null {
    if (this.field.endsWith('\r')) this.field = this.field.slice(0, -1);
    const blank = !this.rowStarted || (this.fields.length === 0 && this.field === '');
    this.endField();
    const row = blank ? null : { line: this.rowLine, value: this.fields };
    this.fields = [];
    this.rowLength = 0;
    this.rowStarted = false;
    return row;
  }
}
