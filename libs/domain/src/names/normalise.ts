// Name normalisation: the one canonical text form of a company name. The database indexes it for
// trigram retrieval and the scorer compares its tokens, so both must call the same function.
//
// Steps: Traditional → Simplified Chinese; compatibility forms (full-width, ligatures) folded and
// diacritics stripped; lowercase; dotted abbreviations joined (S.p.A. → spa); '&' → and;
// punctuation → spaces; legal forms removed; spelling variants of generic words folded
// (technologies → technology); Chinese runs segmented into place | core | sector words. CJK text
// stays CJK: nothing is romanised.
import { isCjkToken, segmentChineseName, TOKEN_PATTERN } from './cjk.js';
import { toSimplifiedChinese } from './chinese-variants.js';
import { splitLegalForms } from './legal-forms.js';
import { GENERIC_WORD_VARIANTS } from './vocabulary.js';

/** Combining marks of Latin, Greek, Cyrillic, Hebrew and Arabic; Japanese voicing marks are kept. */
const DIACRITICS =
  // eslint-disable-next-line no-misleading-character-class -- ranges of combining marks, by design
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u064b-\u065f\u0670]/g;

/** Letters that NFKD does not decompose. */
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['ł', 'l'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ħ', 'h'],
]);
const FOLDABLE_LETTER = /[ßæœøđðłþıħ]/g;

/** Runs of one- or two-letter abbreviations separated by dots or slashes: s.a., s.p.a., a/s, co. */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}{1,2}[./])+\p{L}{0,2}(?![\p{L}\p{N}])/gu;
const APOSTROPHES = /['’`´]/g;

function foldCharacters(raw: string): string {
  return toSimplifiedChinese(raw)
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLDABLE_LETTER, (letter) => LETTER_FOLDS.get(letter) ?? letter);
}

function rawTokens(folded: string): string[] {
  const text = folded
    .replace(DOTTED_ABBREVIATION, (abbreviation) => abbreviation.replace(/[./]/g, ''))
    .replace(APOSTROPHES, '')
    .replace(/&/g, ' and ');
  return text.match(TOKEN_PATTERN) ?? [];
}

export interface NameAnalysis {
  /** Tokens of the normalised name. */
  tokens: string[];
  /** Legal forms that were removed, as normalised tokens ("co ltd", "股份有限公司"). */
  legalForms: string[];
}

/** Normalises a name and reports what was removed on the way. */
export function analyseName(raw: string): NameAnalysis {
  let tokens = rawTokens(foldCharacters(raw));
  if (tokens[0] === 'the' && tokens.length > 1) tokens = tokens.slice(1);
  const { tokens: withoutLegalForms, legalForms } = splitLegalForms(tokens, isCjkToken);
  const normalised = withoutLegalForms.flatMap((token) =>
    isCjkToken(token) ? segmentChineseName(token) : [GENERIC_WORD_VARIANTS.get(token) ?? token],
  );
  return { tokens: normalised, legalForms };
}

/** The canonical form of a name: tokens joined by single spaces ("" for a name with no letters). */
export function normaliseName(raw: string): string {
  return analyseName(raw).tokens.join(' ');
}

/** Tokens of an already normalised name. */
export function nameTokens(normalised: string): string[] {
  return normalised.split(' ').filter(Boolean);
}

/** The legal form of a name, normalised ("co ltd", "gmbh", "股份有限公司"), or null if it has none. */
export function legalFormOf(raw: string): string | null {
  const { legalForms } = analyseName(raw);
  return legalForms.length > 0 ? legalForms.join(' ') : null;
}
