// Every word one edit away from a query word: looked up as exact terms, it finds the words of reference
// names a one-letter typo away, which is the typo tolerance the scorer grants short words. Cheaper and
// surer than a trigram search, where one edit in a five-letter word breaks three of its six trigrams
// and leaves it looking like thousands of other words.

const LATIN = /^[a-z]+$/;
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz'];

/**
 * Receives a variant as a splice of the word: `word.slice(0, from) + middle + word.slice(to)`. The
 * vocabulary filter hashes it in that form, so the hundreds of variants that are no term are never
 * built as strings.
 */
export type SpliceVisitor = (from: number, middle: string, to: number) => void;

/**
 * The word and its one-edit variants: deletions, transpositions of adjacent letters and, for words of
 * the letters a-z (normalised names fold accents away), substitutions and insertions. Other scripts get
 * deletions and transpositions only: their alphabet is too large to enumerate (the scorer grants a
 * Chinese word an edit only from four characters, and then mostly for a dropped or swapped character).
 * A variant may be visited more than once ("aab" from "ab" by inserting "a" first or second).
 */
export function forEachOneEditVariant(word: string, visit: SpliceVisitor): void {
  visit(0, '', 0);
  // Code points, not UTF-16 units: a character outside the Basic Multilingual Plane stays whole.
  const starts: number[] = [];
  for (let i = 0; i < word.length; i += (word.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) starts.push(i);
  starts.push(word.length);
  for (let k = 0; k + 1 < starts.length; k++) {
    const [at, next] = [starts[k]!, starts[k + 1]!];
    // A deletion that leaves nothing is no word.
    if (word.length > next - at) visit(at, '', next);
    if (k + 2 < starts.length)
      visit(at, word.slice(next, starts[k + 2]) + word.slice(at, next), starts[k + 2]!);
  }
  if (!LATIN.test(word)) return;
  for (let i = 0; i <= word.length; i++) {
    const current = word[i];
    for (let k = 0; k < ALPHABET.length; k++) {
      const letter = ALPHABET[k]!;
      visit(i, letter, i);
      if (letter !== current && i < word.length) visit(i, letter, i + 1);
    }
  }
}

/** The word and its one-edit variants (see forEachOneEditVariant), each once. */
export function oneEditVariants(word: string): string[] {
  const variants = new Set<string>();
  forEachOneEditVariant(word, (from, middle, to) =>
    variants.add(word.slice(0, from) + middle + word.slice(to)),
  );
  return [...variants];
}
