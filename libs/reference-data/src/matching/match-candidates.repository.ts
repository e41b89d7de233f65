// Candidate retrieval for name screening, in PostgreSQL: the vocabulary of reference names
// (reference_name_terms), which the matcher loads into memory to look a query's words and their
// one-edit variants up (term-index.ts) and searches here through its trigram GIN index for two-edit
// variants of long words; then the names holding the words found (GIN over each name's words), plus
// entities sharing an identifier (GIN over identifier_keys), all as of a dataset version
// (candidate-query.ts). Scoring happens in TypeScript (name-matcher.ts); this only has to bring the
// right entities among a few dozen rows.
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { ReferenceEntityView } from '../store/reference-lookup.repository.js';
import type { TermPage, VocabularySource } from './reference-vocabulary.js';
import {
  candidateStatement,
  IDENTIFIER_RANK,
  type CandidateSearch,
  type NamedStatement,
} from './candidate-query.js';
import { genericPlanPool } from './generic-plan-pool.js';
import type { TermCount } from './retrieval-plan.js';

export type { CandidateSearch } from './candidate-query.js';

export interface CandidateEntity extends ReferenceEntityView {
  /** How the entity was found; an identifier hit ranks above every name hit. */
  retrievedBy: 'name' | 'identifier';
}

interface CandidateRow extends ReferenceEntityView {
  rank: number;
}

export interface MatchCandidatesOptions {
  /**
   * Connections kept for the candidate statement beside the application's pool (generic-plan-pool.ts):
   * queries that need one more wait for one. Each holds it for a few milliseconds.
   */
  candidateConnections?: number;
}

const DEFAULT_CANDIDATE_CONNECTIONS = 4;

export class MatchCandidatesRepository implements VocabularySource {
  /** Opened on the first search, ended by close(). */
  private candidatePool: Pool | null = null;
  private readonly candidateConnections: number;

  constructor(
    private readonly db: DataSource,
    options: MatchCandidatesOptions = {},
  ) {
    this.candidateConnections = options.candidateConnections ?? DEFAULT_CANDIDATE_CONNECTIONS;
    if (!Number.isInteger(this.candidateConnections) || this.candidateConnections < 1)
      throw new RangeError(
        `candidateConnections must be a positive whole number, got ${this.candidateConnections}`,
      );
  }

  /**
   * The candidate statement goes to the driver directly: TypeORM's query wrapper (a query runner per
   * statement, logging hooks) costs as much CPU as a small look-up itself.
   */
  private async rows<Row>(statement: NamedStatement): Promise<Row[]> {
    this.candidatePool ??= genericPlanPool(this.db, this.candidateConnections);
    return (await this.candidatePool.query(statement)).rows as Row[];
  }

  /** Ends the candidate statement's connections (the data source's are its owner's to close). */
  async close(): Promise<void> {
    const pool = this.candidatePool;
    this.candidatePool = null;
    await pool?.end();
  }

  async latestVersion(): Promise<number> {
    const [row] = await this.db.query(
      `SELECT COALESCE(max(version), 0)::int AS version FROM reference_datasets`,
    );
    return row.version as number;
  }

  async termCount(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS count FROM reference_name_terms`);
    return row.count as number;
  }

  async termsAfter(after: string, limit: number): Promise<TermPage> {
    // Two arrays per page rather than a row per term: a fraction of the work on either side.
    const [row] = await this.db.query(
      `SELECT array_agg(term ORDER BY term) AS terms, array_agg(names ORDER BY term) AS names
         FROM (SELECT term, names FROM reference_name_terms WHERE term > $1 ORDER BY term LIMIT $2) page`,
      [after, limit],
    );
    return termPage(row);
  }

  async termsSince(version: number): Promise<TermPage> {
    const [row] = await this.db.query(
      `SELECT array_agg(t.term) AS terms, array_agg(t.names) AS names
         FROM reference_name_terms t
        WHERE t.term IN (SELECT w.term
                           FROM reference_entities e JOIN reference_names n ON n.entity_row_id = e.id,
                                unnest(string_to_array(n.name_normalised, ' ')) AS w(term)
                          WHERE e.version_from > $1)`,
      [version],
    );
    return termPage(row);
  }

  /**
   * Terms whose trigram similarity to `word` reaches `threshold`, through the trigram GIN index: for
   * long words, where two edits are allowed and their variants too many to list. Approximate: the
   * caller keeps those within the edit allowance.
   */
  async similarTerms(word: string, threshold: number): Promise<TermCount[]> {
    return this.db.transaction(async (tx) => {
      // SET LOCAL: the threshold holds for this transaction only, never for the pooled connection.
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(threshold)]);
      return tx.query(
        `SELECT term, names FROM reference_name_terms
          WHERE term % $1 AND length(term) BETWEEN length($1) - 2 AND length($1) + 2`,
        [word],
      );
    });
  }

  async find(search: CandidateSearch): Promise<CandidateEntity[]> {
    const statement = candidateStatement(search);
    if (!statement) return [];
    const rows = await this.rows<CandidateRow>(statement);
    return rows.map(({ rank, ...entity }) => ({
      ...entity,
      country: entity.country ? entity.country.trim() : null,
      retrievedBy: rank >= IDENTIFIER_RANK ? 'identifier' : 'name',
    }));
  }
}

function termPage(row: { terms: string[] | null; names: number[] | null }): TermPage {
  return { terms: row.terms ?? [], names: row.names ?? [] };
}
