// The words of reference names with their name counts, held in memory (term-index.ts), so that a
// query's words and their one-edit variants are looked up without a database round trip. Loaded on
// first use, then kept current as imports add dataset versions.
//
// Why an index that only grows is right: reference_name_terms never loses a term (a word whose names
// were all closed stays, and finds no current name), so the terms written up to the newest version are
// the table itself, which the look-ups in the database answered from before. The counts are the
// table's as of the last refresh: a term's count changes only when a new version writes names holding
// it, and a refresh reads the counts of exactly those terms again. Like the table's, they are
// approximate by design (capped, and counting names of closed versions too): they only tell a rare
// word from a common one when retrieval is planned.
import { TermIndex } from './term-index.js';

/** Terms with their counts, in two arrays of the same length. */
export interface TermPage {
  terms: string[];
  names: number[];
}

/** What the vocabulary reads from the database (match-candidates.repository.ts). */
export interface VocabularySource {
  /** The newest committed dataset version; 0 before the first import. */
  latestVersion(): Promise<number>;
  /** How many terms reference_name_terms holds (sizes the index). */
  termCount(): Promise<number>;
  /** Up to `limit` terms with their counts, in term order, after `after` (keyset paging; '' for the first page). */
  termsAfter(after: string, limit: number): Promise<TermPage>;
  /** The words of the names of entity rows written by versions after `version`, with their counts now. */
  termsSince(version: number): Promise<TermPage>;
}

/** Terms read per statement while loading: a few megabytes, well under a second each. */
const DEFAULT_PAGE_SIZE = 100_000;

export class ReferenceVocabulary {
  private index: TermIndex | null = null;
  /** Every term of every version up to this one is in the index, with its count as of then. */
  private coveredVersion = 0;
  /** The refresh under way: one at a time, shared by the queries waiting for it. */
  private refreshing: Promise<void> | null = null;
  private refreshesStarted = 0;
  private refreshesCompleted = 0;

  constructor(
    private readonly source: VocabularySource,
    private readonly pageSize = DEFAULT_PAGE_SIZE,
  ) {}

  /**
   * An index of every reference term up to `version`: loaded on the first call, extended when a query
   * reads a version the index does not cover yet (a newly listed name is found at once).
   */
  async covering(version: number): Promise<TermIndex> {
    const startedBefore = this.refreshesStarted;
    while (!this.index || this.coveredVersion < version) {
      // A refresh begun after this call read everything committed by then, `version` included if it
      // exists at all; a version beyond it (not imported yet) has nothing to find.
      if (this.index && this.refreshesCompleted > startedBefore) break;
      this.refreshing ??= this.refresh(++this.refreshesStarted).finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    return this.index;
  }

  private async refresh(sequence: number): Promise<void> {
    // The version first: whatever the terms read next hold, they hold all of it.
    const latest = await this.source.latestVersion();
    if (!this.index || (latest > this.coveredVersion && !(await this.catchUp(this.index)))) {
      this.index = await this.load();
    }
    this.coveredVersion = Math.max(this.coveredVersion, latest);
    this.refreshesCompleted = sequence;
  }

  /**
   * Adds the terms of the versions after the covered one, and their counts now. False, adding
   * nothing, when the vocabulary has outgrown the index (a first large import): it is then rebuilt to
   * size, which also costs less than collecting the words of a million new names.
   */
  private async catchUp(index: TermIndex): Promise<boolean> {
    if ((await this.source.termCount()) > index.capacity) return false;
    addPage(index, await this.source.termsSince(this.coveredVersion));
    return true;
  }

  private async load(): Promise<TermIndex> {
    // Sized for the terms there are now; it grows if imports add more before the next rebuild.
    const index = new TermIndex(await this.source.termCount());
    for (let after = ''; ;) {
      const page = await this.source.termsAfter(after, this.pageSize);
      addPage(index, page);
      if (page.terms.length < this.pageSize) return index;
      after = page.terms[page.terms.length - 1]!;
    }
  }
}

function addPage(index: TermIndex, page: TermPage): void {
  page.terms.forEach((term, i) => index.set(term, page.names[i]!));
}
