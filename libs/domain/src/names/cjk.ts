// CJK script detection, and the segmentation of a Chinese name into place, core and sector words.
//
// Chinese is written without spaces, so "杭州海康威视数字技术" would be one token and a query for
// "海康威视" could not match it token by token. Instead of guessing word boundaries in general (or
// romanising, which the design rules out), known place names are peeled off the front and known
// sector words off the back: 杭州 | 海康威视 | 数字 | 技术. Both sides are segmented the same way, so
// the scorer can weight the core high and the rest low, exactly as for Latin names.
import { CHINESE_GENERIC_WORDS, CHINESE_PLACE_NAMES, CHINESE_PLACE_SUFFIXES } from './vocabulary.js';

const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc';
const CJK_CHARACTER = new RegExp(`[${CJK_CLASS}]`, 'u');
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** A CJK run, or a run of other letters, digits and marks; anything else separates tokens. */
export const TOKEN_PATTERN = new RegExp(`[${CJK_CLASS}]+|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

export function isCjkToken(token: string): boolean {
  return CJK_CHARACTER.test(token);
}

/** Words are at most this long; the core of the name keeps at least two characters. */
const LONGEST_WORD = 5;
const SHORTEST_CORE = 2;

function longestPrefixIn(text: string, words: ReadonlySet<string>): string | undefined {
  for (let length = Math.min(LONGEST_WORD, text.length - SHORTEST_CORE); length >= 2; length--) {
    const prefix = text.slice(0, length);
    if (words.has(prefix)) return prefix;
  }
  return undefined;
}

function longestSuffixIn(text: string, words: ReadonlySet<string>): string | undefined {
  for (let length = Math.min(LONGEST_WORD, text.length - SHORTEST_CORE); length >= 2; length--) {
    const suffix = text.slice(text.length - length);
    if (words.has(suffix)) return suffix;
  }
  return undefined;
}

function withAdministrativeSuffix(text: string, place: string): string {
  const next = text.charAt(place.length);
  const hasSuffix = (CHINESE_PLACE_SUFFIXES as readonly string[]).includes(next);
  return hasSuffix && text.length - place.length - 1 >= SHORTEST_CORE ? place + next : place;
}

/** Splits a Han run into leading place names, the core, and trailing sector words. */
export function segmentChineseName(run: string): string[] {
  if (!HAN_ONLY.test(run)) return [run];
  const head: string[] = [];
  const tail: string[] = [];
  let core = run;
  for (let place = longestPrefixIn(core, CHINESE_PLACE_NAMES); place;) {
    const segment = withAdministrativeSuffix(core, place);
    head.push(segment);
    core = core.slice(segment.length);
    place = longestPrefixIn(core, CHINESE_PLACE_NAMES);
  }
  for (let word = longestSuffixIn(core, CHINESE_GENERIC_WORDS); word;) {
    tail.unshift(word);
    core = core.slice(0, core.length - word.length);
    word = longestSuffixIn(core, CHINESE_GENERIC_WORDS);
  }
  return [...head, core, ...tail];
}
