// Looks a query's words up in the vocabulary of reference names, allowing what the scorer allows: a
// word pairs with another within the larger edit allowance of the two (a four-letter "dahu" with
// "dahua"), long words within two edits, and a word the supplier ran together ("EmpireSilverlake") with
// the two words it was made of.
import { boundedEditDistance } from '../../../domain/src/names/edit-distance.js';
import { editAllowance } from '../../../domain/src/names/prepare.js';
import { isCjkToken } from '../../../domain/src/names/cjk.js';
import type { MatchCandidatesRepository } from './match-candidates.repository.js';
import type { QueryWord, QueryWords, TermCount, WordLookup } from './retrieval-plan.js';

/**
 * The vocabulary of reference names: the matcher's in-memory index of the terms and their counts
 * (term-index.ts), and the trigram search in the database for two-edit variants.
 */
export interface TermLookup extends Pick<MatchCandidatesRepository, 'similarTerms'> {
  /** The word and those of its one-edit variants (term-variants.ts) that are terms. */
  oneEditVariants(word: string): TermCount[];
  /** The terms among `words`. */
  existingTerms(words: Iterable<string>): TermCount[];
}

/** Halves of a run-together word are at least this long; shorter ones would split almost anything. */
const SHORTEST_HALF = 3;

function allowance(word: string): number {
  return editAllowance(word.length, isCjkToken(word));
}

/**
 * The word and the words one edit away that are terms, for a joined pair too: "Kri shpeavarn" is
 * "krisheavarn" run together with a typo.
 */
function termsToLookUp(unit: QueryWord, vocabulary: TermLookup): TermCount[] {
  if (unit.exactOnly) return vocabulary.existingTerms([unit.word]);
  return vocabulary.oneEditVariants(unit.word);
}

function splitsOf(unit: QueryWord): [string, string][] {
  // A joined pair is two query words already: its halves are looked up as words of their own.
  if (unit.joined || unit.exactOnly || isCjkToken(unit.word) || unit.word.length < 2 * SHORTEST_HALF)
    return [];
  const splits: [string, string][] = [];
  for (let i = SHORTEST_HALF; i <= unit.word.length - SHORTEST_HALF; i++) {
    splits.push([unit.word.slice(0, i), unit.word.slice(i)]);
  }
  return splits;
}

export async function lookUpQueryWords(
  words: QueryWords,
  vocabulary: TermLookup,
  twoEditSimilarity: number,
): Promise<WordLookup> {
  const splits = new Map(words.units.map((unit) => [unit.word, splitsOf(unit)]));
  const wanted = new Set<string>(words.supporting);
  for (const list of splits.values()) list.forEach(([left, right]) => wanted.add(left).add(right));
  const byTerm = new Map(vocabulary.existingTerms(wanted).map((term) => [term.term, term]));

  const expansions = new Map<string, TermCount[]>();
  const joinedFrom = new Map<string, [TermCount, TermCount][]>();
  for (const unit of words.units) {
    const nearby = termsToLookUp(unit, vocabulary).filter(
      (term) => term.term === unit.word || Math.max(unit.maxEdits, allowance(term.term)) >= 1,
    );
    expansions.set(unit.word, nearby);
    const halves = splits.get(unit.word)!.flatMap(([left, right]) => {
      const [l, r] = [byTerm.get(left), byTerm.get(right)];
      return l && r ? [[l, r] as [TermCount, TermCount]] : [];
    });
    if (halves.length > 0) joinedFrom.set(unit.word, halves);
  }
  joinedWithTypo(words, expansions, joinedFrom, splits, byTerm, vocabulary);
  await twoEditFallback(words, expansions, joinedFrom, vocabulary, twoEditSimilarity);
  const supporting = words.supporting.flatMap((word) => byTerm.get(word) ?? []);
  return { expansions, supporting, joinedFrom };
}

/** Splits of a run-together word looked at for a typo in one half: one look-up round at most. */
const MAX_TYPO_SPLITS = 3;
const TYPO_SPLIT_HALF = 5;

/**
 * A word found neither as it is nor run together from two exact words may be run together with a typo
 * in one half ("QuetritBuestone"): where one half exists, the other is looked up with its one-edit
 * variants (in memory, like every look-up but the two-edit fallback).
 */
function joinedWithTypo(
  words: QueryWords,
  expansions: Map<string, TermCount[]>,
  joinedFrom: Map<string, [TermCount, TermCount][]>,
  splits: ReadonlyMap<string, [string, string][]>,
  byTerm: ReadonlyMap<string, TermCount>,
  vocabulary: TermLookup,
): void {
  const pending: { unit: string; exact: TermCount; exactIsLeft: boolean; variants: TermCount[] }[] = [];
  for (const unit of words.units) {
    if (expansions.get(unit.word)!.length > 0 || joinedFrom.has(unit.word)) continue;
    for (const [left, right] of splits.get(unit.word)!) {
      const [l, r] = [byTerm.get(left), byTerm.get(right)];
      // Both halves long enough to carry a name (and an edit): short halves exist as words by chance.
      if (left.length < TYPO_SPLIT_HALF || right.length < TYPO_SPLIT_HALF) continue;
      if (l)
        pending.push({
          unit: unit.word,
          exact: l,
          exactIsLeft: true,
          variants: vocabulary.oneEditVariants(right),
        });
      else if (r)
        pending.push({
          unit: unit.word,
          exact: r,
          exactIsLeft: false,
          variants: vocabulary.oneEditVariants(left),
        });
      if (pending.length >= MAX_TYPO_SPLITS) break;
    }
  }
  for (const split of pending) {
    for (const other of split.variants) {
      const pair: [TermCount, TermCount] = split.exactIsLeft ? [split.exact, other] : [other, split.exact];
      joinedFrom.set(split.unit, [...(joinedFrom.get(split.unit) ?? []), pair]);
    }
  }
}

/**
 * Two edits in a long word ("Blaushek" for "Blousheck") are looked for through the trigram index, which
 * costs more than all the other look-ups together; so only when nothing else of the query was found,
 * that is when the misspelt word is all there is to go on. Single words only: a joined pair is longer,
 * so dearer to search, and one edit from a reference word was looked up already.
 */
async function twoEditFallback(
  words: QueryWords,
  expansions: Map<string, TermCount[]>,
  joinedFrom: ReadonlyMap<string, unknown>,
  vocabulary: TermLookup,
  similarity: number,
): Promise<void> {
  const foundAny = [...expansions.values()].some((terms) => terms.length > 0) || joinedFrom.size > 0;
  if (foundAny) return;
  for (const unit of words.units) {
    if (unit.maxEdits >= 2 && !unit.joined)
      expansions.set(unit.word, await twoEditTerms(unit, vocabulary, similarity));
  }
}

async function twoEditTerms(
  unit: QueryWord,
  vocabulary: TermLookup,
  similarity: number,
): Promise<TermCount[]> {
  const similar = await vocabulary.similarTerms(unit.word, similarity);
  return similar.filter((term) => boundedEditDistance(term.term, unit.word, unit.maxEdits) <= unit.maxEdits);
}
