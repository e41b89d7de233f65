import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Term counts stop at this: retrieval only needs to tell a rare word from a common one, and a count that
 * kept growing would update the same rows of common words ("technology") in every batch of an import,
 * each update a new row version that the one long import transaction cannot clean up.
 */
const TERM_COUNT_CAP = 2000;

/**
 * Indexes for name screening's candidate retrieval (libs/reference-data/src/matching):
 *
 * - `reference_name_terms`: every word that occurs in a normalised name or alias, with the number of
 *   names it occurs in (up to TERM_COUNT_CAP). Typo-tolerant retrieval looks up a query word's
 *   one-edit variants here (exact B-tree look-ups), and its trigram index finds two-edit variants of
 *   long words; the counts tell a rare word (probed alone) from a common one (probed with another).
 * - `ix_reference_names_terms`: names by exact word (GIN over the words), to fetch the names holding
 *   the terms found.
 *
 * Trigram probes straight on reference_names.name_normalised cost ~80 ms of database CPU per query at
 * a million entities (common trigrams make thousands of candidate rows to re-check); these make
 * retrieval a handful of index look-ups. A statement-level trigger keeps the terms current on every
 * insert into reference_names, so the importer needs no change and a rolled-back import leaves no
 * terms behind. Terms are never removed: a word whose names were all closed finds no current name.
 */
export class ReferenceNameTerms1796610000000 implements MigrationInterface {
  name = 'ReferenceNameTerms1796610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "reference_name_terms" (
        "term" text NOT NULL,
        "names" integer NOT NULL,
        CONSTRAINT "pk_reference_name_terms" PRIMARY KEY ("term")
      )`);
    await q.query(`CREATE FUNCTION reference_name_terms_collect() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO reference_name_terms (term, names)
        SELECT term, count(*) FROM inserted_names, unnest(string_to_array(name_normalised, ' ')) AS term
         WHERE term <> '' GROUP BY term
        ON CONFLICT (term) DO UPDATE SET names = LEAST(reference_name_terms.names + EXCLUDED.names, ${TERM_COUNT_CAP})
          WHERE reference_name_terms.names < ${TERM_COUNT_CAP};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "trg_reference_names_terms" AFTER INSERT ON "reference_names"
      REFERENCING NEW TABLE AS inserted_names FOR EACH STATEMENT EXECUTE FUNCTION reference_name_terms_collect()`);
    await q.query(`INSERT INTO reference_name_terms (term, names)
      SELECT term, LEAST(count(*), ${TERM_COUNT_CAP}) FROM reference_names, unnest(string_to_array(name_normalised, ' ')) AS term
       WHERE term <> '' GROUP BY term`);
    await q.query(
      `CREATE INDEX "ix_reference_name_terms_trgm" ON "reference_name_terms" USING gin ("term" gin_trgm_ops)`,
    );
    // The expression must be written exactly so in queries for the planner to use the index.
    await q.query(
      `CREATE INDEX "ix_reference_names_terms" ON "reference_names" USING gin (string_to_array("name_normalised", ' '))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_reference_names_terms"`);
    await q.query(`DROP TRIGGER IF EXISTS "trg_reference_names_terms" ON "reference_names"`);
    await q.query(`DROP FUNCTION IF EXISTS reference_name_terms_collect()`);
    await q.query(`DROP TABLE IF EXISTS "reference_name_terms"`);
  }
}
