// The words of reference names with how many names hold each, in memory: the matcher finds which of the
// hundreds of one-edit variants of a query word are reference terms, and how common they are, without
// a database round trip. About 40 bytes per term in a few typed arrays (an open-addressing hash table
// over one buffer of characters): 30 MB for the 740,000 terms of a million synthetic entities, where a
// Map of the strings takes 94 MB of heap.
import { LetterTrigrams } from './letter-trigrams.js';
import type { TermCount } from './retrieval-plan.js';
import { forEachOneEditVariant } from './term-variants.js';

/** Slots per term held at capacity: linear probing stays short at half full. */
const SLOTS_PER_TERM = 2;
const SMALLEST_SLOTS = 1 << 10;
/** UTF-16 units per term the character buffer is first sized for; it grows when terms are longer. */
const UNITS_PER_TERM = 10;

export class TermIndex {
  /** Terms the index holds before its table grows (which costs a rehash of every term). */
  capacity = 0;
  /** Term id + 1 per slot, 0 for an empty slot. */
  private slots = new Int32Array(0);
  private mask = 0;
  /** The terms' UTF-16 units, one after the other: term `id` is units[starts[id]..starts[id + 1]). */
  private units: Uint16Array;
  private starts: Int32Array;
  private counts: Int32Array;
  private terms = 0;
  /** Where the term `find` last missed would go. */
  private emptySlot = 0;
  /** Dismisses most variants before the table is read: its slots are far apart in memory. */
  private readonly trigrams = new LetterTrigrams();

  constructor(expectedTerms: number) {
    const expected = Math.max(1, expectedTerms);
    this.resize(expected);
    this.units = new Uint16Array(expected * UNITS_PER_TERM);
    this.starts = new Int32Array(this.capacity + 1);
    this.counts = new Int32Array(this.capacity);
  }

  get size(): number {
    return this.terms;
  }

  /** Adds the term with its count of names, or updates the count of a term held already. */
  set(term: string, names: number): void {
    const hash = hashOf(term);
    const found = this.find(hash, term, 0, '', 0);
    if (found >= 0) {
      this.counts[found] = names;
      return;
    }
    if (this.terms >= this.capacity) {
      this.grow();
      this.find(hash, term, 0, '', 0);
    }
    this.append(term, names);
  }

  /** The names holding the term, or undefined when it is no term. */
  names(term: string): number | undefined {
    const id = this.find(hashOf(term), term, 0, '', 0);
    return id >= 0 ? this.counts[id] : undefined;
  }

  /** The terms among `words`, each once, with their counts. */
  existing(words: Iterable<string>): TermCount[] {
    const found: TermCount[] = [];
    for (const term of new Set(words)) {
      const names = this.names(term);
      if (names !== undefined) found.push({ term, names });
    }
    return found;
  }

  /**
   * The word and its one-edit variants (term-variants.ts) that are terms, with their counts. A variant
   * is hashed and compared from the word's pieces, and built as a string only when it is a term: most
   * of the hundreds a word has are none.
   */
  presentVariants(word: string): TermCount[] {
    // Each variant's hash in a few multiplications: from the hashes of the word's prefix it keeps, of
    // the letters it puts in, and of the suffix it keeps.
    const n = word.length;
    const prefix = new Int32Array(n + 1);
    const suffix = new Int32Array(n + 1);
    const power = new Int32Array(n + 1);
    power[0] = 1;
    for (let i = 0; i < n; i++) {
      prefix[i + 1] = foldUnit(prefix[i]!, word.charCodeAt(i));
      power[i + 1] = Math.imul(power[i]!, MULTIPLIER);
    }
    for (let i = n - 1; i >= 0; i--) {
      suffix[i] = (Math.imul(word.charCodeAt(i), power[n - 1 - i]!) + suffix[i + 1]!) | 0;
    }
    const seen = new Set<number>();
    const present: TermCount[] = [];
    const mayBeTerm = this.trigrams.variantTest(word);
    forEachOneEditVariant(word, (from, middle, to) => {
      if (!mayBeTerm(from, middle, to)) return;
      let hash = prefix[from]!;
      for (let i = 0; i < middle.length; i++) hash = foldUnit(hash, middle.charCodeAt(i));
      hash = (Math.imul(hash, power[n - to]!) + suffix[to]!) | 0;
      const id = this.find(hash, word, from, middle, to);
      if (id < 0 || seen.has(id)) return;
      seen.add(id);
      present.push({ term: word.slice(0, from) + middle + word.slice(to), names: this.counts[id]! });
    });
    return present;
  }

  /**
   * The id of the term `word.slice(0, from) + middle + word.slice(to)`, whose hash is `hash`, or -1;
   * `emptySlot` is then where it would go.
   */
  private find(hash: number, word: string, from: number, middle: string, to: number): number {
    const length = from + middle.length + word.length - to;
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        this.emptySlot = slot;
        return -1;
      }
      const id = entry - 1;
      const start = this.starts[id]!;
      if (this.starts[id + 1]! - start === length && this.spells(start, word, from, middle, to)) return id;
    }
  }

  /** Whether the units from `start` spell the spliced word (its length already compared). */
  private spells(start: number, word: string, from: number, middle: string, to: number): boolean {
    const units = this.units;
    let at = start;
    for (let i = 0; i < from; i++) if (units[at++] !== word.charCodeAt(i)) return false;
    for (let i = 0; i < middle.length; i++) if (units[at++] !== middle.charCodeAt(i)) return false;
    for (let i = to; i < word.length; i++) if (units[at++] !== word.charCodeAt(i)) return false;
    return true;
  }

  /** Stores a term that `find` just missed, in the empty slot it found. */
  private append(term: string, names: number): void {
    const id = this.terms;
    const start = this.starts[id]!;
    if (start + term.length > this.units.length) {
      const units = new Uint16Array(Math.max(2 * this.units.length, start + term.length));
      units.set(this.units);
      this.units = units;
    }
    for (let i = 0; i < term.length; i++) this.units[start + i] = term.charCodeAt(i);
    this.starts[id + 1] = start + term.length;
    this.counts[id] = names;
    this.slots[this.emptySlot] = id + 1;
    this.trigrams.add(term);
    this.terms += 1;
  }

  /** Doubles the capacity: a larger table, every term placed again. */
  private grow(): void {
    this.resize(2 * this.capacity);
    const starts = new Int32Array(this.capacity + 1);
    starts.set(this.starts);
    this.starts = starts;
    const counts = new Int32Array(this.capacity);
    counts.set(this.counts);
    this.counts = counts;
    for (let id = 0; id < this.terms; id++) {
      let hash = 0;
      for (let at = this.starts[id]!; at < this.starts[id + 1]!; at++) hash = foldUnit(hash, this.units[at]!);
      let slot = mix(hash) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }

  /** An empty table (a power of two of slots, so that a hash picks one with a mask) for `terms` terms. */
  private resize(terms: number): void {
    const size = Math.max(SMALLEST_SLOTS, 2 ** Math.ceil(Math.log2(terms * SLOTS_PER_TERM)));
    this.capacity = size / SLOTS_PER_TERM;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }
}

/**
 * A polynomial hash of a word's UTF-16 units (h · MULTIPLIER + unit, modulo 2^32), so that a variant's
 * hash combines those of its pieces (presentVariants), finished with MurmurHash3's mixer (mix) to pick
 * a slot. Collisions cost only a comparison: every candidate term is compared unit by unit.
 */
const MULTIPLIER = 0x01000193;

function foldUnit(hash: number, unit: number): number {
  return (Math.imul(hash, MULTIPLIER) + unit) | 0;
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = foldUnit(hash, word.charCodeAt(i));
  return hash;
}

function mix(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
