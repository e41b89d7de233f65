import { Inject, Injectable } from '@nestjs/common';
import { normaliseName } from '../../../../libs/domain/src/names/index.js';
import { NameMatcher } from '../../../../libs/reference-data/src/matching/index.js';
import { ReferenceLookupRepository } from '../../../../libs/reference-data/src/store/index.js';
import type { SearchReferenceDataQuery } from './dtos/search-reference-data.query.js';
import { ReferenceDataException, ReferenceDataExceptionCode } from './reference-data.exception.js';
import { presentMatch } from './reference-match.presenter.js';

const DEFAULT_LIMIT = 10;

/** Searches the current reference data the way name screening does, so reviewers see what it sees. */
@Injectable()
export class ReferenceSearchService {
  constructor(
    @Inject(NameMatcher) private readonly matcher: NameMatcher,
    @Inject(ReferenceLookupRepository) private readonly lookup: ReferenceLookupRepository,
  ) {}

  async search(query: SearchReferenceDataQuery) {
    const normalised = normaliseName(query.q);
    if (normalised === '') {
      throw new ReferenceDataException(
        ReferenceDataExceptionCode.EmptyQuery,
        `q has no letters or digits to match ('${query.q}'): give a name, e.g. ?q=Hikvision`,
      );
    }
    const version = await this.lookup.currentVersion();
    const country = query.country?.toUpperCase() ?? null;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const matches = await this.matcher.match({ name: query.q, country }, { asOfVersion: version, limit });
    return {
      query: { q: query.q, normalised, country, limit, threshold: this.matcher.threshold },
      referenceDataVersion: String(version),
      matches: matches.map(presentMatch),
    };
  }
}
