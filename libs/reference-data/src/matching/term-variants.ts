// Every word one edit away from a query word: looked up as exact terms (B-tree), it finds the words of
// reference names a one-letter typo away, which is the typo tolerance the scorer grants short words.
// Cheaper and surer than a trigram search, where one edit in a five-letter word breaks three of its six
// trigrams and leaves it looking like thousands of other words.

const LATIN = /^[a-z]+$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The word and its one-edit variants: deletions, transpositions of adjacent letters and, for words of
 * the letters a-z (normalised names fold accents away), substitutions and insertions. Other scripts get
 * deletions and transpositions only: their alphabet is too large to enumerate (the scorer grants a
 * Chinese word an edit only from four characters, and then mostly for a dropped or swapped character).
 */
export function oneEditVariants(word: string): string[] {
  const variants = new Set<string>([word]);
  // Code points, not UTF-16 units: a character outside the Basic Multilingual Plane stays whole.
  const characters = Array.from(word);
  const at = (from: number, to?: number) => characters.slice(from, to).join('');
  for (let i = 0; i < characters.length; i++) {
    variants.add(at(0, i) + at(i + 1));
    if (i + 1 < characters.length) variants.add(at(0, i) + characters[i + 1] + characters[i] + at(i + 2));
  }
  if (LATIN.test(word)) {
    for (let i = 0; i <= word.length; i++) {
      const [head, tail, rest] = [word.slice(0, i), word.slice(i), word.slice(i + 1)];
      for (const letter of ALPHABET) {
        variants.add(head + letter + tail);
        if (i < word.length && letter !== word[i]) variants.add(head + letter + rest);
      }
    }
  }
  variants.delete('');
  return [...variants];
}
