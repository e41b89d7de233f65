// Turns a parser input into UTF-8 text chunks, and lets a reader look at the start of the text before
// choosing how to read it (JSON array or JSON lines, CSV or JSON) without buffering the whole file.
import { StringDecoder } from 'node:string_decoder';
import type { ParserInput } from './parse-options.js';

const BYTE_ORDER_MARK = '\uFEFF';

/** Decodes chunks as UTF-8 (a multi-byte character may span two chunks) and drops a leading BOM. */
export async function* textChunks(input: ParserInput): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

export interface PeekedText {
  /** The text read so far: at least up to what `enough` asked for, or the whole input if shorter. */
  head: string;
  /** The whole text again, head included, for the reader that takes over. */
  chunks: AsyncGenerator<string>;
}

/** Reads chunks until `enough(head)` holds or the input ends, then hands back a stream that replays them. */
export async function peekText(
  chunks: AsyncIterable<string>,
  enough: (head: string) => boolean,
): Promise<PeekedText> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let head = '';
  let done = false;
  while (!enough(head)) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    head += next.value;
  }
  async function* replay(): AsyncGenerator<string> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, chunks: replay() };
}

/** The first character that is not JSON/CSV whitespace, or '' when there is none yet. */
export function firstSignificantChar(text: string): string {
  const match = /\S/.exec(text);
  return match ? match[0] : '';
}
