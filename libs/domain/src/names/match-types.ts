// The public shapes of name matching: what is screened, what it is screened against, and the
// scored, explained answer.
import type { Identifier } from '../../../contracts/src/index.js';

export type MatchIdentifier = Identifier;

/** A name to screen: a supplier, an owner, a manufacturer... */
export interface MatchQuery {
  name: string;
  country?: string | null;
  identifiers?: readonly MatchIdentifier[];
}

/** A listed or reference entity, as the database returns it. */
export interface MatchCandidate {
  entityId: string;
  name: string;
  aliases: readonly string[];
  country: string | null;
  identifiers: readonly MatchIdentifier[];
}

/** Evidence from identifiers and country: 1 supports the match, -1 speaks against it, 0 is none. */
export type Evidence = -1 | 0 | 1;

export interface MatchComponents {
  /** Similarity of the best-matching name or alias, 0..1. */
  name: number;
  /** 1: a shared identifier; -1: different identifiers in the same scheme; 0: nothing to compare. */
  identifier: Evidence;
  /** 1: same country; -1: different countries; 0: either is unknown. */
  country: Evidence;
}

export interface MatchResult {
  entityId: string;
  /** 0..1; compare with DEFAULT_MATCH_THRESHOLD or a configured threshold. */
  score: number;
  /** The candidate's name or alias, as given, that matched best. */
  matchedName: string;
  components: MatchComponents;
  /** Human-readable reasons for the score, for reviewers. */
  explanation: string[];
}

/** Tuning of the scorer; DEFAULT_SCORING_OPTIONS holds the values the quality benchmark was tuned on. */
export interface ScoringOptions {
  /** Similarity a token loses per edit, relative to its length: 0.6 makes one edit in six letters cost 0.1. */
  editCost: number;
  /** Weight of a word that only one name has, when the names share a distinctive word (1 otherwise). */
  extraWordPenalty: number;
  /** Weight of words that differ between the names (Standard *Bank* / Standard *Life*). */
  conflictPenalty: number;
  /** Smallest weight a differing word counts with, so that two different sector words still conflict. */
  conflictWordFloor: number;
  /** Added to the score when both countries are known and equal. */
  countryMatchBonus: number;
  /** Multiplies the score when both countries are known and differ. */
  countryMismatchFactor: number;
  /** The score a shared identifier guarantees on its own. */
  identifierMatchScore: number;
  /** Multiplies the score when both sides have an identifier in the same scheme and they differ. */
  identifierConflictFactor: number;
}
