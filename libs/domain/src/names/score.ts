// Scores a query against a candidate entity: the best of its name and aliases, then identifiers as
// strong evidence and country as a qualifier. Every result explains its score.
import { alignNames, type NameAlignment } from './align.js';
import { explainMatch } from './explain.js';
import type { Evidence, MatchCandidate, MatchQuery, MatchResult, ScoringOptions } from './match-types.js';
import {
  isPreparedCandidate,
  isPreparedQuery,
  prepareCandidate,
  prepareQuery,
  type PreparedCandidate,
  type PreparedIdentifier,
  type PreparedName,
  type PreparedQuery,
} from './prepare.js';

// Bound once: global lookups are slow inside a vm sandbox (Temporal workflows, Jest).
const { max, min } = Math;

/**
 * Scores at or above this are reported as hits. Tuned on the generated labelled set (labelled-set.ts,
 * matching-quality.spec.ts): precision 0.998-1.000 and recall 0.998-0.999 over several seeds; 0.75
 * lets in near-misses, 0.85 starts to miss typos in short names.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.8;

export const DEFAULT_SCORING_OPTIONS: Readonly<ScoringOptions> = {
  editCost: 0.6,
  extraWordPenalty: 0.5,
  conflictPenalty: 1,
  conflictWordFloor: 0.5,
  countryMatchBonus: 0.03,
  countryMismatchFactor: 0.9,
  identifierMatchScore: 0.95,
  identifierConflictFactor: 0.75,
};

export type IdentifierEvidence =
  | { readonly kind: 'match'; readonly identifier: PreparedIdentifier }
  | { readonly kind: 'conflict'; readonly query: PreparedIdentifier; readonly candidate: PreparedIdentifier }
  | { readonly kind: 'none' };

/** Everything the score was built from; explain.ts turns it into sentences. */
export interface CandidateEvaluation {
  readonly score: number;
  readonly nameScore: number;
  readonly bestName: PreparedName | null;
  readonly alignment: NameAlignment | null;
  readonly identifier: IdentifierEvidence;
  readonly country: Evidence;
  readonly query: PreparedQuery;
  readonly candidate: PreparedCandidate;
}

function asPreparedQuery(query: MatchQuery | PreparedQuery): PreparedQuery {
  return isPreparedQuery(query) ? query : prepareQuery(query);
}

export function asPreparedCandidate(candidate: MatchCandidate | PreparedCandidate): PreparedCandidate {
  return isPreparedCandidate(candidate) ? candidate : prepareCandidate(candidate);
}

const NO_IDENTIFIER_EVIDENCE: IdentifierEvidence = { kind: 'none' };

function identifierEvidence(query: PreparedQuery, candidate: PreparedCandidate): IdentifierEvidence {
  if (query.identifiers.length === 0 || candidate.identifiers.length === 0) return NO_IDENTIFIER_EVIDENCE;
  let conflict = NO_IDENTIFIER_EVIDENCE;
  for (const q of query.identifiers) {
    for (const c of candidate.identifiers) {
      if (q.scheme !== c.scheme) continue;
      if (q.id === c.id) return { kind: 'match', identifier: q };
      conflict = { kind: 'conflict', query: q, candidate: c };
    }
  }
  return conflict;
}

function countryEvidence(query: PreparedQuery, candidate: PreparedCandidate): Evidence {
  if (!query.country || !candidate.country) return 0;
  return query.country === candidate.country ? 1 : -1;
}

function combine(
  nameScore: number,
  identifier: IdentifierEvidence,
  country: Evidence,
  options: ScoringOptions,
): number {
  let score = nameScore;
  // Country qualifies name evidence; on its own it is none.
  if (country === 1 && score > 0) score = min(1, score + options.countryMatchBonus);
  if (country === -1) score *= options.countryMismatchFactor;
  if (identifier.kind === 'conflict') score *= options.identifierConflictFactor;
  if (identifier.kind === 'match') {
    score = max(score, options.identifierMatchScore + (1 - options.identifierMatchScore) * nameScore);
  }
  return score;
}

/** Scores prepared forms; the hot path of ranking, so no explanation is built here. */
export function evaluateCandidate(
  query: PreparedQuery,
  candidate: PreparedCandidate,
  options: ScoringOptions = DEFAULT_SCORING_OPTIONS,
): CandidateEvaluation {
  let nameScore = 0;
  let bestName: PreparedName | null = null;
  let alignment: NameAlignment | null = null;
  for (const name of candidate.names) {
    const aligned = alignNames(query.name, name, options);
    if (aligned && aligned.score > nameScore) {
      nameScore = aligned.score;
      bestName = name;
      alignment = aligned;
    }
  }
  const identifier = identifierEvidence(query, candidate);
  const country = countryEvidence(query, candidate);
  const score = combine(nameScore, identifier, country, options);
  return { score, nameScore, bestName, alignment, identifier, country, query, candidate };
}

function toResult(evaluation: CandidateEvaluation): MatchResult {
  const identifier: Evidence =
    evaluation.identifier.kind === 'match' ? 1 : evaluation.identifier.kind === 'conflict' ? -1 : 0;
  return {
    entityId: evaluation.candidate.entityId,
    score: evaluation.score,
    matchedName: (evaluation.bestName ?? evaluation.candidate.names[0])?.original ?? '',
    components: { name: evaluation.nameScore, identifier, country: evaluation.country },
    explanation: explainMatch(evaluation),
  };
}

function withDefaults(options: Partial<ScoringOptions> | undefined): ScoringOptions {
  return options ? { ...DEFAULT_SCORING_OPTIONS, ...options } : DEFAULT_SCORING_OPTIONS;
}

/** Scores one candidate, with its explanation. Accepts raw or prepared forms on either side. */
export function scoreNameMatch(
  query: MatchQuery | PreparedQuery,
  candidate: MatchCandidate | PreparedCandidate,
  options?: Partial<ScoringOptions>,
): MatchResult {
  return toResult(
    evaluateCandidate(asPreparedQuery(query), asPreparedCandidate(candidate), withDefaults(options)),
  );
}

export interface RankOptions {
  /** Minimum score of a returned hit; DEFAULT_MATCH_THRESHOLD unless given. */
  threshold?: number;
  /** Most hits returned, best first. */
  limit?: number;
  scoring?: Partial<ScoringOptions>;
}

/** Scores candidates (e.g. those trigram retrieval returned) and returns the hits, best first. */
export function rankCandidates(
  query: MatchQuery | PreparedQuery,
  candidates: readonly (MatchCandidate | PreparedCandidate)[],
  options: RankOptions = {},
): MatchResult[] {
  const prepared = asPreparedQuery(query);
  const scoring = withDefaults(options.scoring);
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const hits = candidates
    .map((candidate) => evaluateCandidate(prepared, asPreparedCandidate(candidate), scoring))
    .filter((evaluation) => evaluation.score >= threshold)
    .sort((a, b) => b.score - a.score);
  return hits.slice(0, options.limit ?? hits.length).map(toResult);
}
