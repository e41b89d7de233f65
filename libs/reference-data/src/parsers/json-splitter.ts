// Streams the records of a JSON document without parsing it whole, so a multi-gigabyte BODS array costs
// one statement of memory. Only nesting depth and string boundaries are tracked; each record's text is
// handed to JSON.parse on its own, which does the real validation.
import { RecordIssue, ReferenceParseError } from './parse-error.js';
import { MAX_RECORD_CHARS, type Located } from './located.js';

export interface SplitOptions {
  file: string;
  /** Keys of a top-level object whose array holds the records, e.g. `data` in a GLEIF API page. */
  wrapperKeys: readonly string[];
}

/**
 * Yields, as text, the elements of a top-level array, the elements of a wrapper object's array
 * (`{"data": [...]}`), or else each top-level value (concatenated or pretty-printed objects).
 */
export async function* splitJsonRecords(
  chunks: AsyncIterable<string>,
  options: SplitOptions,
): AsyncGenerator<Located<string>> {
  const splitter = new JsonRecordSplitter(options);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const SCALAR_END = new Set([',', ']', '}', ' ', '\t', '\r', '\n']);

class JsonRecordSplitter {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which records start: 0 for top-level values, 1 inside a top-level array, 2 inside a wrapper's. */
  private recordDepth = 0;
  private topLevel: 'none' | 'array' | 'object' = 'none';
  private topLevelLine = 1;
  private inWrapperArray = false;

  // The record being collected: its text so far in earlier chunks, and where it starts in this one.
  private inRecord: 'no' | 'container' | 'string' | 'scalar' = 'no';
  private recordLine = 0;
  private recordParts: string[] = [];
  private recordPartsLength = 0;
  private recordStart = 0;

  // The last key read directly inside a top-level object, to recognise a wrapper array.
  private keyStart = -1;
  private keyParts: string[] = [];
  private lastKey = '';

  constructor(private readonly options: SplitOptions) {}

  *push(chunk: string): Generator<Located<string>> {
    this.recordStart = 0;
    if (this.keyStart !== -1) this.keyStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') yield* this.closeString(chunk, i);
        else if (c === '\n') this.line += 1;
        continue;
      }
      if (this.inRecord === 'scalar' && SCALAR_END.has(c)) yield this.takeRecord(chunk, i);
      if (c === '\n') {
        this.line += 1;
        continue;
      }
      if (this.inRecord === 'scalar' || WHITESPACE.has(c) || c === ',' || c === ':') continue;
      if (c === '"') this.openString(i);
      else if (c === '{' || c === '[') this.open(c, i);
      else if (c === '}' || c === ']') yield* this.close(c, chunk, i);
      else if (this.inRecord === 'no' && this.depth === this.recordDepth) this.startRecord('scalar', i);
    }
    if (this.inRecord !== 'no') this.keepRecordTail(chunk);
    if (this.keyStart !== -1) this.keyParts.push(chunk.slice(this.keyStart));
  }

  *end(): Generator<Located<string>> {
    if (this.inRecord === 'scalar') {
      yield this.takeRecord('', 0);
    } else if (this.inRecord !== 'no') {
      yield this.issueAt(
        this.recordLine,
        `unexpected end of file: the record starting on line ${this.recordLine} is not closed`,
      );
    } else if (this.depth > 0) {
      yield this.issueAt(
        this.line,
        `unexpected end of file: the ${this.topLevel} opened on line ${this.topLevelLine} is not closed`,
      );
    }
  }

  private openString(i: number): void {
    this.inString = true;
    if (this.inRecord === 'no' && this.depth === this.recordDepth) this.startRecord('string', i);
    if (this.depth === 1 && this.topLevel === 'object' && !this.inWrapperArray) {
      this.keyStart = i + 1;
      this.keyParts = [];
    }
  }

  private *closeString(chunk: string, i: number): Generator<Located<string>> {
    this.inString = false;
    if (this.keyStart !== -1) {
      this.lastKey = this.keyParts.join('') + chunk.slice(this.keyStart, i);
      this.keyStart = -1;
    }
    if (this.inRecord === 'string' && this.depth === this.recordDepth) yield this.takeRecord(chunk, i + 1);
  }

  private open(c: '{' | '[', i: number): void {
    if (this.depth === 0 && this.inRecord === 'no') {
      this.topLevel = c === '[' ? 'array' : 'object';
      this.topLevelLine = this.line;
      if (c === '[') {
        this.recordDepth = 1;
        this.depth = 1;
        return;
      }
    }
    if (this.isWrapperArrayStart(c)) {
      this.dropRecord();
      this.inWrapperArray = true;
      this.recordDepth = 2;
      this.depth = 2;
      return;
    }
    if (this.inRecord === 'no' && this.depth === this.recordDepth) this.startRecord('container', i);
    this.depth += 1;
  }

  private isWrapperArrayStart(c: '{' | '['): boolean {
    return (
      c === '[' &&
      this.depth === 1 &&
      this.topLevel === 'object' &&
      !this.inWrapperArray &&
      this.options.wrapperKeys.includes(this.lastKey)
    );
  }

  private *close(c: '}' | ']', chunk: string, i: number): Generator<Located<string>> {
    if (this.depth === 0) {
      yield this.issueAt(this.line, `unexpected '${c}'`);
      return;
    }
    this.depth -= 1;
    if (this.inRecord === 'container' && this.depth === this.recordDepth) yield this.takeRecord(chunk, i + 1);
    if (this.inWrapperArray && this.depth === 1) {
      // The wrapper's array is done; the rest of the wrapper object (meta, links) is not a record.
      this.inWrapperArray = false;
      this.recordDepth = 0;
    }
    if (this.depth === 0) {
      this.recordDepth = 0;
      this.topLevel = 'none';
      this.lastKey = '';
    }
  }

  private startRecord(kind: 'container' | 'string' | 'scalar', i: number): void {
    this.inRecord = kind;
    this.recordLine = this.line;
    this.recordStart = i;
    this.recordParts = [];
    this.recordPartsLength = 0;
  }

  private keepRecordTail(chunk: string): void {
    const tail = chunk.slice(this.recordStart);
    this.recordParts.push(tail);
    this.recordPartsLength += tail.length;
    if (this.recordPartsLength > MAX_RECORD_CHARS) {
      throw new ReferenceParseError(
        this.options.file,
        this.recordLine,
        '',
        `record longer than ${MAX_RECORD_CHARS} characters: is a bracket or quote unbalanced?`,
      );
    }
  }

  private takeRecord(chunk: string, endExclusive: number): Located<string> {
    const text = this.recordParts.join('') + chunk.slice(this.recordStart, endExclusive);
    const located = { line: this.recordLine, value: text };
    this.dropRecord();
    return located;
  }

  private dropRecord(): void {
    this.inRecord = 'no';
    this.recordParts = [];
    this.recordPartsLength = 0;
  }

  private issueAt(line: number, reason: string): Located<string> {
    return { line, issue: new RecordIssue('', reason) };
  }
}
