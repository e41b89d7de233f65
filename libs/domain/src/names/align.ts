// Token alignment of two prepared names and their similarity.
//
// Each query token is paired with at most one candidate token (greedy, best similarity first), so
// word order does not matter. Two tokens pair when they are equal or within their edit allowance.
// The similarity is a weighted overlap: matched weight against matched weight plus what is lost to
// edits, to words only one side has, and to words that differ on both sides:
//
//   matched / (matched + edit loss + extraWordPenalty × extra words + conflictPenalty × conflicts)
//
// Extra words on one side are common and cheap ("Hikvision" for "Hangzhou Hikvision Digital
// Technology"); words that differ on both sides mean another company ("Standard Bank" / "Standard
// Life"), so they count at least conflictWordFloor each, however generic.
import { boundedEditDistance, editDistanceLowerBound } from './edit-distance.js';
import type { ScoringOptions } from './match-types.js';
import type { PreparedName, PreparedToken } from './prepare.js';

// Bound once: global lookups are slow inside a vm sandbox (Temporal workflows, Jest).
const { abs, max, min } = Math;

export interface AlignedPair {
  readonly query: PreparedToken;
  readonly candidate: PreparedToken;
  readonly edits: number;
  readonly similarity: number;
}

export interface NameAlignment {
  readonly score: number;
  readonly pairs: readonly AlignedPair[];
  /** Tokens (not joined pairs) left without a partner. */
  readonly unmatchedQuery: readonly PreparedToken[];
  readonly unmatchedCandidate: readonly PreparedToken[];
}

type AlignmentOptions = Pick<
  ScoringOptions,
  'editCost' | 'extraWordPenalty' | 'conflictPenalty' | 'conflictWordFloor'
>;

/** The pair of two tokens if they are equal or within their edit allowance, else null. */
function pairOf(query: PreparedToken, candidate: PreparedToken, editCost: number): AlignedPair | null {
  const maxEdits = query.exactOnly || candidate.exactOnly ? 0 : max(query.maxEdits, candidate.maxEdits);
  const q = query.text;
  const c = candidate.text;
  // Cheap rejections first: this runs for every token pair of every candidate.
  if (abs(q.length - c.length) > maxEdits) return null;
  if (editDistanceLowerBound(query.mask, q.length, candidate.mask, c.length) > maxEdits) return null;
  if (q === c) return { query, candidate, edits: 0, similarity: 1 };
  if (maxEdits === 0) return null;
  const edits = boundedEditDistance(q, c, maxEdits);
  if (edits > maxEdits) return null;
  return { query, candidate, edits, similarity: 1 - (editCost * edits) / max(q.length, c.length) };
}

function candidatePairs(
  query: PreparedName,
  candidate: PreparedName,
  editCost: number,
): AlignedPair[] | null {
  let pairs: AlignedPair[] | null = null;
  const queryUnits = query.units;
  const candidateUnits = candidate.units;
  for (let i = 0; i < queryUnits.length; i++) {
    const q = queryUnits[i];
    for (let j = 0; j < candidateUnits.length; j++) {
      const c = candidateUnits[j];
      if (q.joined && c.joined) continue; // joined on both sides adds nothing over the tokens
      const pair = pairOf(q, c, editCost);
      if (pair) (pairs ??= []).push(pair);
    }
  }
  return pairs;
}

function byStrength(a: AlignedPair, b: AlignedPair): number {
  return (
    b.similarity - a.similarity || b.query.weight + b.candidate.weight - (a.query.weight + a.candidate.weight)
  );
}

function unmatchedTokens(name: PreparedName, covered: number): PreparedToken[] {
  return name.units.slice(0, name.tokenCount).filter((token) => (token.covers & covered) === 0);
}

function conflictWeight(tokens: readonly PreparedToken[], floor: number): number {
  let sum = 0;
  for (const token of tokens) if (token.kind !== 'stopword') sum += max(token.weight, floor);
  return sum;
}

function totalWeight(tokens: readonly PreparedToken[]): number {
  let sum = 0;
  for (const token of tokens) sum += token.weight;
  return sum;
}

/** Aligns two names; null when no token pairs at all (the common case, kept allocation-light). */
export function alignNames(
  query: PreparedName,
  candidate: PreparedName,
  options: AlignmentOptions,
): NameAlignment | null {
  const possible = candidatePairs(query, candidate, options.editCost);
  if (!possible) return null;
  possible.sort(byStrength);

  const pairs: AlignedPair[] = [];
  let coveredQuery = 0;
  let coveredCandidate = 0;
  let matched = 0;
  let editLoss = 0;
  let matchedDistinctive = false;
  for (const pair of possible) {
    if (pair.query.covers & coveredQuery || pair.candidate.covers & coveredCandidate) continue;
    pairs.push(pair);
    coveredQuery |= pair.query.covers;
    coveredCandidate |= pair.candidate.covers;
    const weight = pair.query.weight + pair.candidate.weight;
    matched += pair.similarity * weight;
    editLoss += (1 - pair.similarity) * weight;
    matchedDistinctive ||= pair.query.kind === 'distinctive' && pair.candidate.kind === 'distinctive';
  }

  const unmatchedQuery = unmatchedTokens(query, coveredQuery);
  const unmatchedCandidate = unmatchedTokens(candidate, coveredCandidate);
  // A shorter name made only of common words ("China Electronics") is no evidence for a longer one.
  const extraPenalty = matchedDistinctive ? options.extraWordPenalty : 1;
  const extra = extraPenalty * (totalWeight(unmatchedQuery) + totalWeight(unmatchedCandidate));
  const conflicts = min(
    conflictWeight(unmatchedQuery, options.conflictWordFloor),
    conflictWeight(unmatchedCandidate, options.conflictWordFloor),
  );
  const score = matched / (matched + editLoss + extra + options.conflictPenalty * conflicts);
  return { score, pairs, unmatchedQuery, unmatchedCandidate };
}
