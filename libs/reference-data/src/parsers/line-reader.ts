import { ReferenceParseError } from './parse-error.js';
import { MAX_RECORD_CHARS } from './located.js';

export interface TextLine {
  /** 1-based. */
  line: number;
  text: string;
}

/**
 * Splits text chunks into lines (LF or CRLF) holding only the current line in memory. The last line is
 * yielded even without a final newline.
 */
export async function* readLines(chunks: AsyncIterable<string>, file: string): AsyncGenerator<TextLine> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      line += 1;
      yield { line, text: withoutCarriageReturn(pending + chunk.slice(start, newline)) };
      pending = '';
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    pending += chunk.slice(start);
    if (pending.length > MAX_RECORD_CHARS) {
      throw new ReferenceParseError(file, line + 1, '', `line longer than ${MAX_RECORD_CHARS} characters`);
    }
  }
  if (pending.length > 0) yield { line: line + 1, text: withoutCarriageReturn(pending) };
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
