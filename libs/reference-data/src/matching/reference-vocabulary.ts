// The words of reference names, held in memory as a Bloom filter (term-filter.ts), so that of the
// hundreds of one-edit variants of a query word only those that may be reference terms are looked up
// in the database. Loaded on first use, then kept current as imports add dataset versions.
//
// Why a filter that only grows is enough: reference_name_terms never loses a term, so a filter holding
// every term written up to the newest version is a superset of the vocabulary as of any version, and
// the database look-up that follows tells the terms that exist from the rare false "maybe".
import { TermFilter } from './term-filter.js';

/** What the vocabulary reads from the database (match-candidates.repository.ts). */
export interface VocabularySource {
  /** The newest committed dataset version; 0 before the first import. */
  latestVersion(): Promise<number>;
  /** How many terms reference_name_terms holds (sizes the filter). */
  termCount(): Promise<number>;
  /** Up to `limit` terms, in term order, after `after` (keyset paging; '' for the first page). */
  termsAfter(after: string, limit: number): Promise<string[]>;
  /** The words of the names of entity rows written by versions after `version`. */
  termsSince(version: number): Promise<string[]>;
}

/** Terms read per statement while loading: a few megabytes, well under a second each. */
const DEFAULT_PAGE_SIZE = 100_000;

export class ReferenceVocabulary {
  private filter: TermFilter | null = null;
  /** Every term of every version up to this one is in the filter. */
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
   * A filter holding every reference term up to `version`: loaded on the first call, extended when a
   * query reads a version the filter does not cover yet (a newly listed name is found at once).
   */
  async covering(version: number): Promise<TermFilter> {
    const startedBefore = this.refreshesStarted;
    while (!this.filter || this.coveredVersion < version) {
      // A refresh begun after this call read everything committed by then, `version` included if it
      // exists at all; a version beyond it (not imported yet) has nothing to find.
      if (this.filter && this.refreshesCompleted > startedBefore) break;
      this.refreshing ??= this.refresh(++this.refreshesStarted).finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    return this.filter;
  }

  private async refresh(sequence: number): Promise<void> {
    // The version first: whatever the terms read next hold, they hold all of it.
    const latest = await this.source.latestVersion();
    if (!this.filter || (latest > this.coveredVersion && !(await this.catchUp(this.filter)))) {
      this.filter = await this.load();
    }
    this.coveredVersion = Math.max(this.coveredVersion, latest);
    this.refreshesCompleted = sequence;
  }

  /**
   * Adds the terms of the versions after the covered one. False, adding nothing, when the vocabulary
   * has outgrown the filter (a first large import): it is then rebuilt to size, which also costs less
   * than collecting the words of a million new names.
   */
  private async catchUp(filter: TermFilter): Promise<boolean> {
    if ((await this.source.termCount()) > filter.capacity) return false;
    for (const term of await this.source.termsSince(this.coveredVersion)) filter.add(term);
    return true;
  }

  private async load(): Promise<TermFilter> {
    // Sized for the terms there are now; imports add words until it is rebuilt (see catchUp).
    const filter = new TermFilter(await this.source.termCount());
    for (let after = ''; ;) {
      const page = await this.source.termsAfter(after, this.pageSize);
      for (const term of page) filter.add(term);
      if (page.length < this.pageSize) return filter;
      after = page[page.length - 1]!;
    }
  }
}
