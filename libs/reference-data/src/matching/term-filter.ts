// A Bloom filter of words: answers "certainly absent" or "maybe present" in a few memory reads, in
// about 2.5 bytes per word. The matcher asks it which of the hundreds of one-edit variants of a query
// word can be reference terms, so that only the handful that may be are looked up in the database.
import { forEachOneEditVariant } from './term-variants.js';

/** Bits per word: with ten probes, about 1 absent word in 20,000 passes at capacity. */
const BITS_PER_WORD = 20;
const PROBES = 10;
const SMALLEST_BITS = 1 << 16;

export class TermFilter {
  /** Words the filter holds at its designed rate of false "maybe"s; past that the rate climbs fast. */
  readonly capacity: number;
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private added = 0;

  constructor(expectedWords: number) {
    // A power of two, so that a hash picks a bit with a mask rather than a division.
    const size = Math.max(
      SMALLEST_BITS,
      2 ** Math.ceil(Math.log2(Math.max(1, expectedWords) * BITS_PER_WORD)),
    );
    this.capacity = Math.floor(size / BITS_PER_WORD);
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** Distinct words added (but for the rare word taken for one added before). */
  get size(): number {
    return this.added;
  }

  add(word: string): void {
    if (this.mightContain(word)) return;
    this.added += 1;
    for (let i = 0, bit = hash.first; i < PROBES; i++, bit = (bit + hash.step) | 0) {
      const index = bit & this.mask;
      this.bits[index >>> 5]! |= 1 << (index & 31);
    }
  }

  /** False: the word was never added. True: it probably was. */
  mightContain(word: string): boolean {
    hash.start(START_A, START_B);
    hash.fold(word, 0, word.length);
    return this.probe();
  }

  /**
   * The word's one-edit variants (term-variants.ts) that may have been added, the word included. A
   * variant is hashed from the word's pieces, and built as a string only when it passes: most of the
   * hundreds a word has are no term at all.
   */
  presentVariants(word: string): string[] {
    // The hash states after each prefix of the word, shared by every variant that keeps that prefix.
    const prefixA = new Int32Array(word.length + 1);
    const prefixB = new Int32Array(word.length + 1);
    hash.start(START_A, START_B);
    for (let i = 0; i <= word.length; i++) {
      prefixA[i] = hash.a;
      prefixB[i] = hash.b;
      if (i < word.length) hash.fold(word, i, i + 1);
    }
    const present = new Set<string>();
    forEachOneEditVariant(word, (from, middle, to) => {
      hash.start(prefixA[from]!, prefixB[from]!);
      hash.fold(middle, 0, middle.length);
      hash.fold(word, to, word.length);
      if (this.probe()) present.add(word.slice(0, from) + middle + word.slice(to));
    });
    return [...present];
  }

  /** Whether every bit of the word just hashed is set. */
  private probe(): boolean {
    hash.finish();
    for (let i = 0, bit = hash.first; i < PROBES; i++, bit = (bit + hash.step) | 0) {
      const index = bit & this.mask;
      if ((this.bits[index >>> 5]! & (1 << (index & 31))) === 0) return false;
    }
    return true;
  }
}

const START_A = 0x811c9dc5 | 0;
const START_B = 0x9747b28c | 0;

/**
 * Two independent 32-bit hashes of a word's UTF-16 units, folded left to right (FNV-1a and a
 * multiplicative one) and finished with MurmurHash3's mixer. The probes are first + i × step (double
 * hashing), with an odd step so that they never repeat a bit before wrapping around the table. One
 * shared, mutable state: hundreds of variants are hashed per query word, none allocates.
 */
const hash = {
  a: 0,
  b: 0,
  first: 0,
  step: 0,
  start(a: number, b: number): void {
    this.a = a;
    this.b = b;
  },
  fold(text: string, from: number, to: number): void {
    let a = this.a;
    let b = this.b;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      a = Math.imul(a ^ unit, 0x01000193);
      b = Math.imul(b ^ unit, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  },
  finish(): void {
    this.first = mix(this.a);
    this.step = mix(this.b) | 1;
  },
};

function mix(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
