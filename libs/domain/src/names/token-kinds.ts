// What kind of word a token is (distinctive, generic, place, stopword), including misspelt generic
// words: "Tecnologies" is still the generic word "technology", not a brand, and must not outweigh
// the name's real brand word or clash with "technology" in the other name.
import { boundedEditDistance, characterMask, editDistanceLowerBound } from './edit-distance.js';
import {
  CHINESE_GENERIC_WORDS,
  CHINESE_PLACE_NAMES,
  GENERIC_WORD_VARIANTS,
  GENERIC_WORDS,
  PLACE_NAMES,
  STOPWORDS,
} from './vocabulary.js';

export type TokenKind = 'distinctive' | 'generic' | 'place' | 'stopword';

export interface TokenClass {
  kind: TokenKind;
  /** The vocabulary word a misspelt token stands for; the token itself otherwise. */
  canonical: string;
}

interface VocabularyEntry {
  word: string;
  canonical: string;
  mask: number;
  allowedEdits: number;
}

/**
 * Shorter words are too easily one typo away from a brand ("Huwei" / "hubei"), and place names are
 * left alone for the same reason: only long generic words are corrected.
 */
const SHORTEST_CORRECTABLE = 7;

/** The same allowance as for token pairs: one edit up to seven letters, two from eight. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : 1;
}

function vocabularyEntries(): readonly VocabularyEntry[] {
  const words = [...GENERIC_WORDS, ...GENERIC_WORD_VARIANTS.keys()];
  return words
    .filter((word) => word.length >= SHORTEST_CORRECTABLE)
    .map((word) => ({
      word,
      canonical: GENERIC_WORD_VARIANTS.get(word) ?? word,
      mask: characterMask(word),
      allowedEdits: allowedEdits(word.length),
    }));
}

const CORRECTABLE_VOCABULARY = vocabularyEntries();
const LATIN_WORD = /^[a-z]+$/;

function nearestVocabularyWord(token: string): VocabularyEntry | undefined {
  if (token.length < SHORTEST_CORRECTABLE || !LATIN_WORD.test(token)) return undefined;
  const mask = characterMask(token);
  const tokenAllowance = allowedEdits(token.length);
  let best: VocabularyEntry | undefined;
  let bestEdits = tokenAllowance + 1;
  for (const entry of CORRECTABLE_VOCABULARY) {
    const maxEdits = tokenAllowance < entry.allowedEdits ? tokenAllowance : entry.allowedEdits;
    if (editDistanceLowerBound(mask, token.length, entry.mask, entry.word.length) > maxEdits) continue;
    const edits = boundedEditDistance(token, entry.word, maxEdits);
    if (edits <= maxEdits && edits < bestEdits) {
      best = entry;
      bestEdits = edits;
    }
  }
  return best;
}

export function classifyToken(token: string, cjk: boolean): TokenClass {
  if (cjk) {
    if (CHINESE_PLACE_NAMES.has(token)) return { kind: 'place', canonical: token };
    return { kind: CHINESE_GENERIC_WORDS.has(token) ? 'generic' : 'distinctive', canonical: token };
  }
  if (STOPWORDS.has(token)) return { kind: 'stopword', canonical: token };
  if (PLACE_NAMES.has(token)) return { kind: 'place', canonical: token };
  if (GENERIC_WORDS.has(token)) return { kind: 'generic', canonical: token };
  const near = nearestVocabularyWord(token);
  return near ? { kind: 'generic', canonical: near.canonical } : { kind: 'distinctive', canonical: token };
}
