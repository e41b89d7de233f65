// Which reference names are worth scoring for a query, decided from its words and how common they are
// in the reference data. Pure: the repository looks the words up and runs the plan.
//
// A name can only score as a hit if it holds the query's identifying words (allowing typos), or all of
// them but one when nothing else weighs in the name. So: a rare identifying word (a brand, an invented
// name) is probed alone; common ones ("Carter", "Panther") are probed two together, since thousands of
// names hold each; and a name that is nothing but one of the query's words is found by equality.
import type { PreparedQuery, PreparedToken } from '../../../domain/src/names/index.js';

export interface QueryWord {
  /** The word as normalised names hold it. */
  word: string;
  /** Edits the scorer tolerates in it (0 for short words); a longer word it pairs with may allow more. */
  maxEdits: number;
  /** Numbers and codes: equal or nothing. */
  exactOnly: boolean;
  /** Two adjacent query words written together ("hik vision" → "hikvision"). */
  joined: boolean;
}

export interface QueryWords {
  /** The identifying words (distinctive ones, and adjacent pairs written together; all words if none). */
  units: QueryWord[];
  /** The other words (sector, place): found exactly, they narrow a common identifying word. */
  supporting: string[];
  /** Whole normalised names a candidate may equal: the query's, and its identifying words alone. */
  exactNames: string[];
}

export interface TermCount {
  term: string;
  /** Names holding the term, counted up to 2000 (the ReferenceNameTerms migration): enough to tell rare from common. */
  names: number;
}

export interface ProbePlan {
  /** Names equal to one of these (B-tree). */
  exactNames: string[];
  /** Alternatives; a name matches a group when it holds a term of every one of the group's term sets. */
  groups: string[][][];
  /** Words a name ranks higher for holding (before scoring, to keep the best few dozen). */
  rankTerms: string[];
}

/**
 * Identifying words looked up per query: a real company name has a handful; a pasted paragraph would
 * otherwise cost hundreds of look-ups.
 */
const MAX_UNITS = 8;

/** A word in at most this many names is probed alone. */
export const RARE_TERM_NAMES = 1000;

function unitOf(token: PreparedToken): QueryWord {
  return {
    // A joined pair is written "hik vision" for reviewers; names hold it as one word.
    word: token.joined ? token.text : token.written,
    maxEdits: token.exactOnly ? 0 : token.maxEdits,
    exactOnly: token.exactOnly,
    joined: token.joined,
  };
}

export function queryWords(query: PreparedQuery): QueryWords {
  const tokens = query.name.units.filter((unit) => !unit.joined);
  const distinctive = query.name.units.filter((unit) => unit.kind === 'distinctive');
  const meaningful = tokens.filter((token) => token.kind !== 'stopword');
  const identifying = distinctive.length > 0 ? distinctive : meaningful;
  // Single words before joined pairs, so that a very long name keeps its words within the bound.
  const ordered = [...identifying.filter((u) => !u.joined), ...identifying.filter((u) => u.joined)];
  const units = unique(ordered.map(unitOf), (unit) => unit.word).slice(0, MAX_UNITS);
  const supporting = [
    ...new Set(meaningful.filter((token) => token.kind !== 'distinctive').map((t) => t.written)),
  ];
  const core = tokens
    .filter((token) => token.kind === 'distinctive')
    .map((token) => token.written)
    .join(' ');
  const exactNames = [...new Set([query.name.normalised, core].filter(Boolean))];
  return { units: units.filter((unit) => unit.word !== ''), supporting, exactNames };
}

/** What the vocabulary of reference names holds of the query's words (word-lookup.ts). */
export interface WordLookup {
  /** Per identifying word, the terms within the edit allowance. */
  expansions: ReadonlyMap<string, readonly TermCount[]>;
  /** The supporting words that occur. */
  supporting: readonly TermCount[];
  /** Per identifying word, the pairs of terms it could be written together from. */
  joinedFrom: ReadonlyMap<string, readonly (readonly [TermCount, TermCount])[]>;
}

/** Run-together words tried per query word: each split is a probe of its own. */
const MAX_SPLITS = 3;

/** The probes for a query whose words were looked up. */
export function planProbes(words: QueryWords, lookup: WordLookup): ProbePlan {
  const { expansions, joinedFrom } = lookup;
  const found = words.units
    .map((unit) => ({ unit, terms: expansions.get(unit.word) ?? [] }))
    .filter(({ terms }) => terms.length > 0)
    .map(({ unit, terms }) => ({ unit, terms: terms.map((t) => t.term), names: sum(terms) }))
    .sort((a, b) => a.names - b.names);
  const supporting = lookup.supporting.map((t) => t.term);
  const groups: string[][][] = [];
  const rare = found.filter((entry) => entry.names <= RARE_TERM_NAMES);
  if (rare.length > 0) {
    for (const entry of rare) groups.push([entry.terms]);
  } else if (found.length >= 2) {
    groups.push([found[0]!.terms, found[1]!.terms]);
  } else if (found.length === 1 && supporting.length > 0) {
    groups.push([found[0]!.terms, supporting]);
  }
  // Two words of a reference name, run together in the query: both must be there.
  const splits = [...joinedFrom.values()].flat().slice(0, MAX_SPLITS);
  for (const [left, right] of splits) groups.push([[left.term], [right.term]]);
  // A name that is just one identifying word ("Carter Ltd") can still score as a hit for "Carter
  // Garcia": equality finds it without reading the thousands of other names that hold "carter".
  const exactNames = [...new Set([...words.exactNames, ...found.flatMap((entry) => entry.terms)])];
  const rankTerms = [
    ...new Set([
      ...found.flatMap((entry) => entry.terms),
      ...splits.flatMap(([left, right]) => [left.term, right.term]),
      ...supporting,
      ...words.units.map((u) => u.word),
    ]),
  ];
  return { exactNames, groups, rankTerms };
}

function sum(terms: readonly TermCount[]): number {
  return terms.reduce((total, term) => total + term.names, 0);
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
