import { ReferenceVocabulary, type TermPage, type VocabularySource } from './reference-vocabulary.js';

/** A reference_name_terms table and its dataset versions, in memory. */
class FakeSource implements VocabularySource {
  version = 0;
  /** Per term: the names holding it, and the versions whose names hold it. */
  private readonly terms = new Map<string, { names: number; versions: number[] }>();
  calls = { latestVersion: 0, termCount: 0, termsAfter: 0, termsSince: [] as number[] };
  failNextPage = false;

  /** An import: a new version with a name for each of these words. */
  publish(...words: string[]): number {
    this.version += 1;
    for (const word of words) {
      const term = this.terms.get(word) ?? { names: 0, versions: [] };
      this.terms.set(word, { names: term.names + 1, versions: [...term.versions, this.version] });
    }
    return this.version;
  }

  async latestVersion(): Promise<number> {
    this.calls.latestVersion += 1;
    return this.version;
  }

  async termCount(): Promise<number> {
    this.calls.termCount += 1;
    return this.terms.size;
  }

  async termsAfter(after: string, limit: number): Promise<TermPage> {
    this.calls.termsAfter += 1;
    if (this.failNextPage) {
      this.failNextPage = false;
      throw new Error('connection lost');
    }
    const terms = [...this.terms.keys()]
      .filter((term) => term > after)
      .sort()
      .slice(0, limit);
    return this.page(terms);
  }

  async termsSince(version: number): Promise<TermPage> {
    this.calls.termsSince.push(version);
    return this.page(
      [...this.terms].filter(([, { versions }]) => versions.some((v) => v > version)).map(([term]) => term),
    );
  }

  private page(terms: string[]): TermPage {
    return { terms, names: terms.map((term) => this.terms.get(term)!.names) };
  }
}

describe('ReferenceVocabulary', () => {
  let source: FakeSource;
  let sut: ReferenceVocabulary;

  beforeEach(() => {
    source = new FakeSource();
    source.publish('carter', 'garcia', 'holdings', 'pleazist', 'electronics');
    sut = new ReferenceVocabulary(source, 2);
  });

  it('loads every term on first use, page by page', async () => {
    const index = await sut.covering(1);

    expect(index.existing(['carter', 'garcia', 'holdings', 'pleazist', 'electronics', 'blousheck'])).toEqual([
      { term: 'carter', names: 1 },
      { term: 'garcia', names: 1 },
      { term: 'holdings', names: 1 },
      { term: 'pleazist', names: 1 },
      { term: 'electronics', names: 1 },
    ]);
    expect(source.calls.termsAfter).toBe(3);
  });

  it('answers later queries of covered versions without the database', async () => {
    await sut.covering(1);
    await sut.covering(1);
    await sut.covering(0);

    expect(source.calls).toMatchObject({ latestVersion: 1, termCount: 1, termsAfter: 3, termsSince: [] });
  });

  it('shares one load between the queries that arrive while it runs', async () => {
    await Promise.all([sut.covering(1), sut.covering(1), sut.covering(1)]);

    expect(source.calls).toMatchObject({ latestVersion: 1, termCount: 1, termsAfter: 3 });
  });

  it('adds the terms of a newer version as soon as a query reads it, without reloading', async () => {
    await sut.covering(1);
    const later = source.publish('blousheck');

    const index = await sut.covering(later);

    expect(index.names('blousheck')).toBe(1);
    expect(source.calls.termsSince).toEqual([1]);
    expect(source.calls.termsAfter).toBe(3);
    await sut.covering(later);
    expect(source.calls.termsSince).toEqual([1]);
  });

  it('covers every version committed by the time it loads, not only the one asked for', async () => {
    const later = source.publish('blousheck');

    await sut.covering(1);
    await sut.covering(later);

    expect(source.calls.latestVersion).toBe(1);
  });

  it('does not keep asking for a version that does not exist yet', async () => {
    await sut.covering(1);

    const index = await sut.covering(5);

    expect(index.names('carter')).toBe(1);
    expect(source.calls.latestVersion).toBe(2);
  });

  it('tries again on the next query when a load fails', async () => {
    source.failNextPage = true;

    await expect(sut.covering(1)).rejects.toThrow('connection lost');
    expect((await sut.covering(1)).names('carter')).toBe(1);
  });

  it('counts again the terms a newer version writes names with', async () => {
    await sut.covering(1);
    const later = source.publish('carter', 'blousheck');

    const index = await sut.covering(later);

    expect(index.names('carter')).toBe(2);
    expect(index.names('garcia')).toBe(1);
  });

  it('rebuilds the index to size, instead of adding to it, when imports outgrow it', async () => {
    const first = await sut.covering(1);
    const many = Array.from({ length: first.capacity + 1 }, (_, i) => `word${i.toString(36)}`);
    const later = source.publish(...many);

    const rebuilt = await sut.covering(later);

    expect(rebuilt).not.toBe(first);
    expect(rebuilt.capacity).toBeGreaterThan(many.length);
    expect(many.every((word) => rebuilt.names(word) === 1)).toBe(true);
    expect(source.calls.termsSince).toEqual([]);
  });
});
