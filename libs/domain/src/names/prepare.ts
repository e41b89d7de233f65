// Prepared forms of queries and candidates: everything the scorer needs that does not depend on the
// other side (normalised tokens, their weights and edit allowances, identifiers, country). The
// database layer can cache a PreparedCandidate per entity and dataset version.
import { characterMask } from './edit-distance.js';
import { isCjkToken } from './cjk.js';
import { analyseName } from './normalise.js';
import type { MatchCandidate, MatchIdentifier, MatchQuery } from './match-types.js';
import { classifyToken, type TokenKind } from './token-kinds.js';

export type { TokenKind } from './token-kinds.js';

/** A token of a name, or two adjacent tokens written together ("hik vision" → "hikvision"). */
export interface PreparedToken {
  /** The text compared: the token, or the vocabulary word it misspells. */
  readonly text: string;
  /** The token as it appears in the normalised name (two words for a joined pair). */
  readonly written: string;
  readonly kind: TokenKind;
  readonly weight: number;
  /** Edits this token tolerates; a pair of tokens tolerates the larger of their allowances. */
  readonly maxEdits: number;
  /** Tokens with digits ("52", "3m") only match exactly. */
  readonly exactOnly: boolean;
  readonly mask: number;
  /** Bit set of the name's token positions this unit stands for. */
  readonly covers: number;
  /** True for two adjacent tokens written together. */
  readonly joined: boolean;
}

export interface PreparedName {
  readonly original: string;
  readonly normalised: string;
  /** The tokens, in order, followed by the joined adjacent pairs. */
  readonly units: readonly PreparedToken[];
  readonly tokenCount: number;
}

export interface PreparedIdentifier {
  readonly scheme: string;
  readonly id: string;
}

export interface PreparedQuery {
  readonly prepared: 'query';
  readonly name: PreparedName;
  readonly country: string | null;
  readonly identifiers: readonly PreparedIdentifier[];
}

export interface PreparedCandidate {
  readonly prepared: 'candidate';
  readonly entityId: string;
  /** The primary name first, then the aliases (duplicates after normalisation removed). */
  readonly names: readonly PreparedName[];
  readonly country: string | null;
  readonly identifiers: readonly PreparedIdentifier[];
}

/** Token positions are tracked in a 32-bit set; longer names keep their first 30 tokens. */
const MAX_TOKENS = 30;

const KIND_WEIGHTS: Record<Exclude<TokenKind, 'distinctive'>, number> = {
  stopword: 0.05,
  generic: 0.2,
  place: 0.25,
};
/** Distinctive Latin tokens by length: short tokens are more often shared by chance. */
const LATIN_WEIGHT_BY_LENGTH = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 1];
/** A Chinese character carries more identity than a Latin letter. */
const CJK_WEIGHT_BY_LENGTH = [0, 0.5, 0.9, 1];

const HAS_DIGIT = /\p{N}/u;

function weightOf(token: string, kind: TokenKind, cjk: boolean): number {
  if (kind !== 'distinctive') return KIND_WEIGHTS[kind];
  const table = cjk ? CJK_WEIGHT_BY_LENGTH : LATIN_WEIGHT_BY_LENGTH;
  return table[Math.min(token.length, table.length - 1)];
}

/**
 * Edits a token tolerates; two tokens pair within the larger allowance of the two, so that a letter
 * dropped from a five-letter word ("Crwn") still matches it. Words of four letters or fewer compared
 * with each other must be equal: one edit is a quarter of the word. Numbers must match exactly, and
 * so must short Chinese names, where one character makes another company.
 */
export function editAllowance(length: number, cjk: boolean): number {
  if (cjk) return length >= 4 ? 1 : 0;
  if (length <= 4) return 0;
  return length <= 7 ? 1 : 2;
}

// Every token is built here, with the same properties in the same order, so the scorer's hot loop
// sees a single object shape.
function prepareToken(
  text: string,
  written: string,
  kind: TokenKind,
  weight: number,
  covers: number,
  joined: boolean,
): PreparedToken {
  const cjk = isCjkToken(text);
  const exactOnly = HAS_DIGIT.test(text);
  return {
    text,
    written,
    kind,
    weight,
    maxEdits: editAllowance(text.length, cjk),
    exactOnly,
    mask: characterMask(text),
    covers,
    joined,
  };
}

function prepareSingleToken(written: string, position: number): PreparedToken {
  const cjk = isCjkToken(written);
  const { kind, canonical } = classifyToken(written, cjk);
  return prepareToken(canonical, written, kind, weightOf(canonical, kind, cjk), 1 << position, false);
}

/**
 * Adjacent tokens of the same script, joined, so that "hik vision" can match "hikvision". A joint
 * of two common words stays as light as its parts: "chinaelectronics" is no brand.
 */
function joinedPairs(tokens: readonly PreparedToken[]): PreparedToken[] {
  const pairs: PreparedToken[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [left, right] = [tokens[i], tokens[i + 1]];
    if (left.kind === 'stopword' || right.kind === 'stopword') continue;
    if (isCjkToken(left.text) !== isCjkToken(right.text)) continue;
    const text = left.written + right.written;
    const covers = left.covers | right.covers;
    const distinctive = left.kind === 'distinctive' || right.kind === 'distinctive';
    const weight = distinctive ? weightOf(text, 'distinctive', isCjkToken(text)) : left.weight + right.weight;
    const written = `${left.written} ${right.written}`;
    pairs.push(prepareToken(text, written, distinctive ? 'distinctive' : 'generic', weight, covers, true));
  }
  return pairs;
}

export function prepareName(original: string): PreparedName {
  const texts = analyseName(original).tokens.slice(0, MAX_TOKENS);
  const tokens = texts.map(prepareSingleToken);
  return {
    original,
    normalised: texts.join(' '),
    units: [...tokens, ...joinedPairs(tokens)],
    tokenCount: tokens.length,
  };
}

const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([['UK', 'GB']]);

export function normaliseCountry(country: string | null | undefined): string | null {
  const code = country?.trim().toUpperCase();
  if (!code) return null;
  return COUNTRY_ALIASES.get(code) ?? code;
}

/** Identifiers compare without case, spaces or separators: "szse", " 002-415" equals "SZSE", "002415". */
export function normaliseIdentifier(identifier: MatchIdentifier): PreparedIdentifier {
  return {
    scheme: identifier.scheme.trim().toUpperCase().replace(/\s+/g, ''),
    id: identifier.id.toUpperCase().replace(/[\s\-./]/g, ''),
  };
}

function prepareIdentifiers(identifiers: readonly MatchIdentifier[] | undefined): PreparedIdentifier[] {
  return (identifiers ?? [])
    .map(normaliseIdentifier)
    .filter((identifier) => identifier.scheme && identifier.id);
}

export function isPreparedQuery(query: MatchQuery | PreparedQuery): query is PreparedQuery {
  return 'prepared' in query && query.prepared === 'query';
}

export function isPreparedCandidate(
  candidate: MatchCandidate | PreparedCandidate,
): candidate is PreparedCandidate {
  return 'prepared' in candidate && candidate.prepared === 'candidate';
}

export function prepareQuery(query: MatchQuery): PreparedQuery {
  return {
    prepared: 'query',
    name: prepareName(query.name),
    country: normaliseCountry(query.country),
    identifiers: prepareIdentifiers(query.identifiers),
  };
}

export function prepareCandidate(candidate: MatchCandidate): PreparedCandidate {
  const names: PreparedName[] = [];
  for (const original of [candidate.name, ...candidate.aliases]) {
    const name = prepareName(original);
    if (name.tokenCount > 0 && !names.some((seen) => seen.normalised === name.normalised)) names.push(name);
  }
  return {
    prepared: 'candidate',
    entityId: candidate.entityId,
    names,
    country: normaliseCountry(candidate.country),
    identifiers: prepareIdentifiers(candidate.identifiers),
  };
}
