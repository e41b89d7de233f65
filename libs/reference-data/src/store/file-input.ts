// Reading an import file: its SHA-256 (a re-import of the same file is a no-op), and a look at its first
// bytes (is it an FtM delta?), both without holding more than a chunk of it in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ParserInput } from '../parsers/index.js';

type Chunk = string | Buffer;

/** SHA-256 of a file, read as a stream. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The input, hashed as the parser reads it: for a stream that can be read only once (an upload). The
 * digest settles when the stream has been read to its end, and fails if reading stopped before.
 */
export function hashWhileReading(input: ParserInput): {
  chunks: AsyncGenerator<Chunk>;
  sha256: Promise<string>;
} {
  const hash = createHash('sha256');
  let settle!: { resolve: (digest: string) => void; reject: (error: Error) => void };
  const sha256 = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  async function* chunks(): AsyncGenerator<Chunk> {
    let complete = false;
    try {
      for await (const chunk of input as AsyncIterable<Chunk>) {
        hash.update(chunk);
        yield chunk;
      }
      complete = true;
      settle.resolve(hash.digest('hex'));
    } finally {
      if (!complete) settle.reject(new Error('the file was not read to its end'));
    }
  }
  return { chunks: chunks(), sha256 };
}

/** Enough of a file to see its first record in any format the importers read line by line. */
const HEAD_BYTES = 64 * 1024;

export async function fileHead(path: string): Promise<string> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(HEAD_BYTES) });
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

/**
 * Reads the first chunks (up to the first line break or HEAD_BYTES) and hands back the head as text
 * with a stream that replays the whole input. Stopping the replay stops the input.
 */
export async function peekHead(input: ParserInput): Promise<{ head: string; chunks: AsyncGenerator<Chunk> }> {
  const iterator = (input as AsyncIterable<Chunk>)[Symbol.asyncIterator]();
  const seen: Chunk[] = [];
  let bytes = 0;
  let ended = false;
  while (bytes < HEAD_BYTES && !seen.some(hasLineBreak)) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    seen.push(next.value);
    bytes += next.value.length;
  }
  const head = seen.map((chunk) => chunk.toString()).join('');
  async function* replay(): AsyncGenerator<Chunk> {
    let complete = ended;
    try {
      yield* seen;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      complete = true;
    } finally {
      if (!complete) await iterator.return?.();
    }
  }
  return { head, chunks: replay() };
}

function hasLineBreak(chunk: Chunk): boolean {
  return chunk.includes('\n');
}

/** An FtM file is a delta when its first record is an `{op, entity}` line. */
export function isFtmDelta(head: string): boolean {
  const firstLine = head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .split('\n', 1)[0]!
    .trim();
  try {
    const record: unknown = JSON.parse(firstLine);
    return typeof record === 'object' && record !== null && 'op' in record && 'entity' in record;
  } catch {
    return false;
  }
}
