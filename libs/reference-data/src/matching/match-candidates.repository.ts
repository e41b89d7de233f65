// Candidate retrieval for name screening, in PostgreSQL: the query's words looked up in the vocabulary
// of reference names (reference_name_terms: exact one-edit variants, and the trigram GIN index for
// two-edit variants of long words), then the names holding the words found (GIN over each name's
// words), plus entities sharing an identifier (GIN over identifier_keys), all as of a dataset version.
// Scoring happens in TypeScript (name-matcher.ts); this only has to bring the right entities among a
// few dozen rows.
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { ReferenceEntityView } from '../store/reference-lookup.repository.js';
import type { VocabularySource } from './reference-vocabulary.js';
import type { ProbePlan, TermCount } from './retrieval-plan.js';

export interface CandidateSearch {
  plan: ProbePlan;
  /** "SCHEME:ID" keys (identifier-keys.ts). */
  identifierKeys: readonly string[];
  asOfVersion: number;
  /** Most entities returned, best-ranked first. */
  limit: number;
}

export interface CandidateEntity extends ReferenceEntityView {
  /** How the entity was found; an identifier hit ranks above every name hit. */
  retrievedBy: 'name' | 'identifier';
}

/** Rank of an identifier hit: above any name rank (twice the words a name shares, less its length). */
const IDENTIFIER_RANK = 1_000_000;
/** Name rows ranked per entity wanted: an entity has several names, closed versions keep theirs. */
const NAME_ROWS_PER_ENTITY = 3;
/**
 * Name rows read at most for the pairs of common words a query is probed with when it has no rare
 * word ("Global Trading Group"); rare words are in few names by definition.
 */
const MAX_PAIR_NAME_ROWS = 3000;

const AS_OF = `e.version_from <= $1 AND (e.version_to IS NULL OR e.version_to > $1)`;
/** Written exactly as the index expression of ix_reference_names_terms, or the planner will not use it. */
const NAME_WORDS = `string_to_array(n.name_normalised, ' ')`;

const NAME_ROW = `n.entity_row_id, n.name_normalised`;

const ENTITY_COLUMNS = `e.id AS "rowId", e.external_id AS "externalId", e.kind, e.name, e.aliases,
  e.country, e.identifiers, e.topics, e.lists, e.fact_source AS "source", e.confidence`;

interface CandidateRow extends ReferenceEntityView {
  rank: number;
}

export class MatchCandidatesRepository implements VocabularySource {
  constructor(private readonly db: DataSource) {}

  /**
   * The statements of every query go to the driver's pool directly: TypeORM's query wrapper (a query
   * runner per statement, logging hooks) costs as much CPU as a small look-up itself.
   */
  private async rows<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    return (await pool.query(sql, params)).rows as Row[];
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

  async termsAfter(after: string, limit: number): Promise<string[]> {
    // One array per page rather than a row per term: a fraction of the work on either side.
    const [row] = await this.db.query(
      `SELECT array_agg(term ORDER BY term) AS terms
         FROM (SELECT term FROM reference_name_terms WHERE term > $1 ORDER BY term LIMIT $2) page`,
      [after, limit],
    );
    return (row.terms as string[] | null) ?? [];
  }

  async termsSince(version: number): Promise<string[]> {
    const [row] = await this.db.query(
      `SELECT array_agg(DISTINCT w.term) AS terms
         FROM reference_entities e JOIN reference_names n ON n.entity_row_id = e.id,
              unnest(string_to_array(n.name_normalised, ' ')) AS w(term)
        WHERE e.version_from > $1 AND w.term <> ''`,
      [version],
    );
    return (row.terms as string[] | null) ?? [];
  }

  /** The terms among `words` that occur in reference names, with how many names hold each. */
  async existingTerms(words: readonly string[]): Promise<TermCount[]> {
    if (words.length === 0) return [];
    // A join, not `term = ANY($1)`: under a generic plan that compares each row with every variant.
    return this.rows(
      `SELECT t.term, t.names FROM unnest($1::text[]) AS v(term) JOIN reference_name_terms t ON t.term = v.term`,
      [[...words]],
    );
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
    const { sql, params } = candidateQuery(search);
    if (!sql) return [];
    const rows = await this.rows<CandidateRow>(sql, params);
    return rows.map(({ rank, ...entity }) => ({
      ...entity,
      country: entity.country ? entity.country.trim() : null,
      retrievedBy: rank >= IDENTIFIER_RANK ? 'identifier' : 'name',
    }));
  }
}

function candidateQuery(search: CandidateSearch): { sql: string | null; params: unknown[] } {
  const { plan } = search;
  const params: unknown[] = [search.asOfVersion, search.limit];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const sources: string[] = [];
  const ctes: string[] = [];
  // Probes of whole names and of rare words find at most RARE_TERM_NAMES names per query word, so they
  // need no bound. Only pairs of common words can hold thousands of names, and only they get a LIMIT: over an
  // OR of dozens of rare words, whose names the planner overestimates tenfold, a LIMIT makes it read
  // the table from the start until enough rows turn up (seconds) instead of using the word index.
  const bounded: string[] = [];
  const pairs: string[] = [];
  if (plan.exactNames.length > 0)
    bounded.push(`n.name_normalised = ANY(${param(plan.exactNames, 'text[]')})`);
  // One look-up for all the rare words: the word index answers for many words at once as cheaply as for one.
  const rareTerms = plan.groups.filter((group) => group.length === 1).flat(2);
  if (rareTerms.length > 0) bounded.push(`${NAME_WORDS} && ${param([...new Set(rareTerms)], 'text[]')}`);
  for (const group of plan.groups.filter((group) => group.length > 1)) {
    pairs.push(`(${group.map((terms) => `${NAME_WORDS} && ${param(terms, 'text[]')}`).join(' AND ')})`);
  }
  const nameProbes = [
    ...(bounded.length > 0
      ? [`SELECT ${NAME_ROW} FROM reference_names n WHERE ${bounded.join(' OR ')}`]
      : []),
    ...(pairs.length > 0
      ? [
          `(SELECT ${NAME_ROW} FROM reference_names n WHERE ${pairs.join(' OR ')} LIMIT ${MAX_PAIR_NAME_ROWS})`,
        ]
      : []),
  ];
  if (nameProbes.length > 0) {
    const rankTerms = param(plan.rankTerms, 'text[]');
    // Rank: twice the query words a name holds, less its length in words: "carter garcia" before
    // "carter garcia falcon holdings" before "carter".
    ctes.push(`names AS (${nameProbes.join(' UNION ALL ')}),
    by_name AS (
      SELECT n.entity_row_id AS id,
             max(2 * (SELECT count(*) FROM unnest(${NAME_WORDS}) AS w(term) WHERE w.term = ANY(${rankTerms}))
                 - cardinality(${NAME_WORDS})) AS rank
        FROM names n
       GROUP BY n.entity_row_id
       ORDER BY rank DESC
       LIMIT ${param(search.limit * NAME_ROWS_PER_ENTITY, 'int')})`);
    sources.push('SELECT id, rank FROM by_name');
  }
  if (search.identifierKeys.length > 0) {
    ctes.push(`by_identifier AS (
      SELECT e.id, ${IDENTIFIER_RANK} AS rank FROM reference_entities e
       WHERE e.identifier_keys && ${param([...search.identifierKeys], 'text[]')} AND ${AS_OF})`);
    sources.push('SELECT id, rank FROM by_identifier');
  }
  if (sources.length === 0) return { sql: null, params };
  // Ranked before the join, so that the join reads entity rows best first and stops at the limit.
  const sql = `WITH ${ctes.join(',\n')},
    ranked AS (SELECT id, max(rank) AS rank FROM (${sources.join(' UNION ALL ')}) found
                GROUP BY id ORDER BY rank DESC, id)
    SELECT ${ENTITY_COLUMNS}, r.rank::int AS rank
      FROM ranked r JOIN reference_entities e ON e.id = r.id
     WHERE ${AS_OF}
     ORDER BY r.rank DESC, r.id
     LIMIT $2`;
  return { sql, params };
}
