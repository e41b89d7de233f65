// Fuzzy name screening against the reference data: candidates from PostgreSQL (vocabulary, word and
// identifier indexes, as of a dataset version), scored and explained by the names library. The one entry point
// for the screening check and the search endpoint, so both answer the same way.
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Identifier } from '../../../contracts/src/index.js';
import {
  DEFAULT_MATCH_THRESHOLD,
  prepareCandidate,
  prepareQuery,
  rankCandidates,
  type MatchComponents,
  type MatchQuery,
  type PreparedCandidate,
  type PreparedQuery,
} from '../../../domain/src/names/index.js';
import type { ReferenceEntityView } from '../store/reference-lookup.repository.js';
import { identifierLookupKeys } from './identifier-keys.js';
import { LruCache } from './lru-cache.js';
import type { CandidateEntity, MatchCandidatesRepository } from './match-candidates.repository.js';
import { ReferenceVocabulary } from './reference-vocabulary.js';
import { planProbes, queryWords, type ProbePlan } from './retrieval-plan.js';
import type { TermIndex } from './term-index.js';
import { lookUpQueryWords, type TermLookup } from './word-lookup.js';

export interface NameMatcherOptions {
  /** Score a hit must reach; the names library's tuned default unless configured (MATCH_THRESHOLD). */
  threshold?: number;
  /** Entities retrieved and scored per query. */
  candidateLimit?: number;
  /** Trigram similarity from which a term is checked as a two-edit variant of a long query word. */
  twoEditSimilarity?: number;
  /** Prepared candidates kept in memory, by entity row. */
  cacheSize?: number;
}

export interface NameMatchQuery {
  name: string;
  country?: string | null;
  identifiers?: readonly Identifier[];
}

export interface MatchRequest {
  /** The dataset version to read as of (a screening's pinned version, or the current one). */
  asOfVersion: number;
  /** Overrides the matcher's threshold (0 returns the best candidates whatever they score). */
  threshold?: number;
  /** Most matches returned, best first (default 10). */
  limit?: number;
}

export interface EntityMatch {
  entity: ReferenceEntityView;
  /** 0..1, at or above the threshold. */
  score: number;
  /** The entity's name or alias, as listed, that matched best. */
  matchedName: string;
  matchedAlias: boolean;
  components: MatchComponents;
  /** One sentence per reason, for reviewers. */
  explanation: string[];
  retrievedBy: CandidateEntity['retrievedBy'];
}

/** Entities scored per query: retrieval ranks the right one near the top, so a few dozen suffice. */
export const DEFAULT_CANDIDATE_LIMIT = 25;
/**
 * Two edits in a nine-letter word can break six of its ten trigrams, so the similarity of a two-edit
 * variant can fall to 0.25; 0.4 keeps most of them while the trigram index stays selective (tuned with
 * `npm run bench:matching-quality` and `bench:matching-speed`).
 */
export const DEFAULT_TWO_EDIT_SIMILARITY = 0.4;
const DEFAULT_CACHE_SIZE = 20_000;
const DEFAULT_RESULT_LIMIT = 10;

interface CachedCandidate {
  name: string;
  aliases: readonly string[];
  prepared: PreparedCandidate;
}

export class NameMatcher implements OnApplicationShutdown {
  readonly threshold: number;
  private readonly candidateLimit: number;
  private readonly twoEditSimilarity: number;
  /**
   * Preparing a candidate (normalising its names and aliases) costs more than scoring it. A
   * reference_entities row never changes its names once written (a change makes a new row), so the
   * row id is a safe key; the names are compared anyway, in case the database was rebuilt underneath.
   */
  private readonly prepared: LruCache<string, CachedCandidate>;
  /** The reference terms and how common each is: which typo variants of a query word exist, in memory. */
  private readonly vocabulary: ReferenceVocabulary;

  constructor(
    private readonly candidates: MatchCandidatesRepository,
    options: NameMatcherOptions = {},
  ) {
    this.threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
    this.candidateLimit = options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT;
    this.twoEditSimilarity = options.twoEditSimilarity ?? DEFAULT_TWO_EDIT_SIMILARITY;
    this.prepared = new LruCache(options.cacheSize ?? DEFAULT_CACHE_SIZE);
    this.vocabulary = new ReferenceVocabulary(candidates);
  }

  async match(query: NameMatchQuery, request: MatchRequest): Promise<EntityMatch[]> {
    const matchQuery: MatchQuery = {
      name: query.name,
      country: query.country ?? null,
      identifiers: query.identifiers ? [...query.identifiers] : [],
    };
    const prepared = prepareQuery(matchQuery);
    const vocabulary = await this.vocabulary.covering(request.asOfVersion);
    const found = await this.candidates.find({
      plan: await this.probePlan(prepared, vocabulary),
      identifierKeys: identifierLookupKeys(query.identifiers),
      asOfVersion: request.asOfVersion,
      limit: this.candidateLimit,
    });
    if (found.length === 0) return [];

    const byRowId = new Map(found.map((entity) => [entity.rowId, entity]));
    const results = rankCandidates(
      prepared,
      found.map((entity) => this.preparedCandidate(entity)),
      { threshold: request.threshold ?? this.threshold, limit: request.limit ?? DEFAULT_RESULT_LIMIT },
    );
    return results.map((result) => {
      const { retrievedBy, ...entity } = byRowId.get(result.entityId)!;
      return {
        entity,
        score: result.score,
        matchedName: result.matchedName,
        matchedAlias: result.matchedName !== entity.name,
        components: result.components,
        explanation: result.explanation,
        retrievedBy,
      };
    });
  }

  /** Ends the matcher's own database connections (the candidate statement's). */
  async close(): Promise<void> {
    await this.candidates.close();
  }

  /**
   * At the last shutdown phase, with the database pool: the Temporal worker has drained by then
   * (beforeApplicationShutdown), so no activity still waits for one of these connections. Ending the
   * pool earlier would strand such a waiter (pg-pool serves no queued request once ending) and hang
   * the worker's drain.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Looks the query's words up in the vocabulary of reference names and plans the name probes. */
  private async probePlan(prepared: PreparedQuery, vocabulary: TermIndex): Promise<ProbePlan> {
    const words = queryWords(prepared);
    const lookup: TermLookup = {
      oneEditVariants: (word) => vocabulary.presentVariants(word),
      existingTerms: (terms) => vocabulary.existing(terms),
      similarTerms: (word, threshold) => this.candidates.similarTerms(word, threshold),
    };
    return planProbes(words, await lookUpQueryWords(words, lookup, this.twoEditSimilarity));
  }

  private preparedCandidate(entity: CandidateEntity): PreparedCandidate {
    const cached = this.prepared.get(entity.rowId);
    if (cached && cached.name === entity.name && sameNames(cached.aliases, entity.aliases)) {
      return cached.prepared;
    }
    const prepared = prepareCandidate({
      entityId: entity.rowId,
      name: entity.name,
      aliases: entity.aliases,
      country: entity.country,
      identifiers: entity.identifiers,
    });
    this.prepared.set(entity.rowId, { name: entity.name, aliases: entity.aliases, prepared });
    return prepared;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
