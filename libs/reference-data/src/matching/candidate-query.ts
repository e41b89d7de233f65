// The candidate statement of name screening (match-candidates.repository.ts), as a named prepared
// statement of one fixed shape: every probe is always there, an unused one given an empty array (the
// GIN index answers an empty `&&` without reading anything). On the connections it runs on
// (generic-plan-pool.ts), PostgreSQL parses and plans it once per connection, instead of planning
// every query anew: about 0.7 ms of its CPU per query at a million entities, a third of the total.
import { createHash } from 'node:crypto';
import type { ProbePlan } from './retrieval-plan.js';

export interface CandidateSearch {
  plan: ProbePlan;
  /** "SCHEME:ID" keys (identifier-keys.ts). */
  identifierKeys: readonly string[];
  asOfVersion: number;
  /** Most entities returned, best-ranked first. */
  limit: number;
}

/** A statement for the pg driver: prepared once per connection under its name. */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** Rank of an identifier hit: above any name rank (twice the words a name shares, less its length). */
export const IDENTIFIER_RANK = 1_000_000;
/** Name rows ranked per entity wanted: an entity has several names, closed versions keep theirs. */
const NAME_ROWS_PER_ENTITY = 3;
/**
 * Name rows read at most for the pairs of common words a query is probed with when it has no rare
 * word ("Global Trading Group"); rare words are in few names by definition.
 */
const MAX_PAIR_NAME_ROWS = 3000;
/**
 * Pairs probed per query in the one shape: a pair of common words and up to three run-together
 * splits (retrieval-plan.ts). A plan with more gets a shape of its own.
 */
const PAIR_SLOTS = 4;

const AS_OF = `e.version_from <= $1 AND (e.version_to IS NULL OR e.version_to > $1)`;
/** Written exactly as the index expression of ix_reference_names_terms, or the planner will not use it. */
const NAME_WORDS = `string_to_array(n.name_normalised, ' ')`;

const NAME_ROW = `n.entity_row_id, n.name_normalised`;

const ENTITY_COLUMNS = `e.id AS "rowId", e.external_id AS "externalId", e.kind, e.name, e.aliases,
  e.country, e.identifiers, e.topics, e.lists, e.fact_source AS "source", e.confidence`;

/** The statement finding a search's candidates, or null when the search has nothing to probe. */
export function candidateStatement(search: CandidateSearch): NamedStatement | null {
  const { plan } = search;
  const rareTerms = [...new Set(plan.groups.filter((group) => group.length === 1).flat(2))];
  const pairs = plan.groups.filter((group) => group.length > 1);
  if (plan.exactNames.length === 0 && plan.groups.length === 0 && search.identifierKeys.length === 0)
    return null;
  if (pairs.some((group) => group.length !== 2))
    throw new RangeError('a probe group holds one term set (a rare word) or two (a pair)');
  const pairSlots = Math.max(PAIR_SLOTS, pairs.length);
  const unusedPair = [[], []];
  const values = [
    search.asOfVersion,
    plan.exactNames,
    rareTerms,
    ...Array.from({ length: pairSlots }, (_, i) => pairs[i] ?? unusedPair).flat(),
    plan.rankTerms,
    search.identifierKeys,
  ];
  return { ...shape(pairSlots, search.limit), values };
}

const shapes = new Map<string, { name: string; text: string }>();

/** The text of the statement, and its name: the same for the same text, so for every query of a shape. */
function shape(pairSlots: number, limit: number): { name: string; text: string } {
  // Numbers in the text, not parameters: the planner sizes a generic plan's LIMITs from them.
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`candidate limit ${limit}`);
  const key = `${pairSlots}:${limit}`;
  let found = shapes.get(key);
  if (!found) {
    const text = statementText(pairSlots, limit);
    found = {
      name: `match_candidates_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
      text,
    };
    shapes.set(key, found);
  }
  return found;
}

/**
 * Parameters: $1 the version, $2 exact names, $3 rare words, then two term sets per pair, then the
 * words names rank higher for, and last the identifier keys.
 */
function statementText(pairSlots: number, limit: number): string {
  const pairParam = (slot: number, side: number) => `$${4 + 2 * slot + side}::text[]`;
  const pairs = Array.from(
    { length: pairSlots },
    (_, slot) => `(${NAME_WORDS} && ${pairParam(slot, 0)} AND ${NAME_WORDS} && ${pairParam(slot, 1)})`,
  );
  const rankTerms = `$${4 + 2 * pairSlots}::text[]`;
  const identifierKeys = `$${5 + 2 * pairSlots}::text[]`;
  // Probes of whole names and of rare words find at most RARE_TERM_NAMES names per query word, so they
  // need no bound. Only pairs of common words can hold thousands of names, and only they get a LIMIT:
  // over an OR of dozens of rare words, whose names the planner overestimates tenfold, a LIMIT makes
  // it read the table from the start until enough rows turn up (seconds) instead of using the word
  // index. One look-up for all the rare words: the word index answers for many at once as cheaply as
  // for one.
  // Rank: twice the query words a name holds, less its length in words: "carter garcia" before
  // "carter garcia falcon holdings" before "carter". Ranked before the join, so that the join reads
  // entity rows best first and stops at the limit. The identifier probe leaves the version to that
  // join: with it, the generic plan also reads the version_from index, a million rows.
  return `WITH names AS (
      SELECT ${NAME_ROW} FROM reference_names n
       WHERE n.name_normalised = ANY($2::text[]) OR ${NAME_WORDS} && $3::text[]
      UNION ALL
      (SELECT ${NAME_ROW} FROM reference_names n WHERE ${pairs.join(' OR ')} LIMIT ${MAX_PAIR_NAME_ROWS})),
    by_name AS (
      SELECT n.entity_row_id AS id,
             max(2 * (SELECT count(*) FROM unnest(${NAME_WORDS}) AS w(term) WHERE w.term = ANY(${rankTerms}))
                 - cardinality(${NAME_WORDS})) AS rank
        FROM names n
       GROUP BY n.entity_row_id
       ORDER BY rank DESC
       LIMIT ${limit * NAME_ROWS_PER_ENTITY}),
    by_identifier AS (
      SELECT e.id, ${IDENTIFIER_RANK} AS rank FROM reference_entities e WHERE e.identifier_keys && ${identifierKeys}),
    ranked AS (SELECT id, max(rank) AS rank
                 FROM (SELECT id, rank FROM by_name UNION ALL SELECT id, rank FROM by_identifier) found
                GROUP BY id ORDER BY rank DESC, id)
    SELECT ${ENTITY_COLUMNS}, r.rank::int AS rank
      FROM ranked r JOIN reference_entities e ON e.id = r.id
     WHERE ${AS_OF}
     ORDER BY r.rank DESC, r.id
     LIMIT ${limit}`;
}
