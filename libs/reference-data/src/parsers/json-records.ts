// Reads the JSON formats the importers accept (JSON lines, a JSON array, a wrapper object such as a GLEIF
// API page, pretty-printed documents) as one stream of parsed records with their line numbers.
import { RecordIssue } from './parse-error.js';
import type { ParserInput } from './parse-options.js';
import { splitJsonRecords } from './json-splitter.js';
import { readLines } from './line-reader.js';
import type { Located } from './located.js';
import { peekText, textChunks } from './text-input.js';

export interface JsonReadOptions {
  file: string;
  /** Keys of a wrapper object whose array holds the records (e.g. `data`, `items`). */
  wrapperKeys?: readonly string[];
}

/** Enough to decide the layout: a one-line JSON document is read as JSON lines only up to this size. */
const LAYOUT_PEEK_LIMIT = 1024 * 1024;

export async function* readJsonRecords(
  input: ParserInput,
  options: JsonReadOptions,
): AsyncGenerator<Located<unknown>> {
  const wrapperKeys = options.wrapperKeys ?? [];
  const { head, chunks } = await peekText(textChunks(input), layoutIsKnown);
  if (isJsonLines(head)) {
    for await (const { line, text } of readLines(chunks, options.file)) {
      if (text.trim() === '') continue;
      const parsed = parseJson(line, text);
      if ('issue' in parsed) yield parsed;
      else yield* unwrap(parsed.line, parsed.value, wrapperKeys);
    }
    return;
  }
  for await (const located of splitJsonRecords(chunks, { file: options.file, wrapperKeys })) {
    yield 'issue' in located ? located : parseJson(located.line, located.value);
  }
}

function layoutIsKnown(head: string): boolean {
  const start = head.search(/\S/);
  if (start === -1) return false;
  if (head[start] !== '{') return true;
  return head.indexOf('\n', start) !== -1 || head.length - start > LAYOUT_PEEK_LIMIT;
}

/**
 * JSON lines unless the text opens an array, or opens an object that does not close on its first line
 * (a pretty-printed document). Anything else is read line by line so each bad line is its own error.
 */
function isJsonLines(head: string): boolean {
  const start = head.search(/\S/);
  if (start === -1) return true;
  if (head[start] === '[') return false;
  if (head[start] !== '{') return true;
  const newline = head.indexOf('\n', start);
  if (newline === -1) return head.length - start <= LAYOUT_PEEK_LIMIT;
  try {
    JSON.parse(head.slice(start, newline));
    return true;
  } catch {
    return false;
  }
}

function parseJson(line: number, text: string): Located<unknown> {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, issue: new RecordIssue('', `invalid JSON (${(error as Error).message})`) };
  }
}

/** A one-line wrapper document (a compact API page) gives its array's elements, all on that line. */
function* unwrap(line: number, value: unknown, wrapperKeys: readonly string[]): Generator<Located<unknown>> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const key = wrapperKeys.find((candidate) => Array.isArray(record[candidate]));
    if (key !== undefined) {
      for (const element of record[key] as unknown[]) yield { line, value: element };
      return;
    }
  }
  yield { line, value };
}
