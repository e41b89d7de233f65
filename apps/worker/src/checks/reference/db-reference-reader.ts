// The checks' reference reads against PostgreSQL, as of the version a round pinned and today's date.
import type { BrandRelation, RefEntity } from '../../../../../libs/contracts/src/index.js';
import { normaliseName } from '../../../../../libs/domain/src/names/index.js';
import type { ReferenceLookupRepository } from '../../../../../libs/reference-data/src/store/index.js';
import type { ReferenceGraphRepository } from '../../../../../libs/reference-data/src/store/reference-graph.repository.js';
import { JurisdictionProfiles } from './jurisdiction-profiles.js';
import { resolveParties } from './party-resolution.js';
import type { OwnershipData, PartyRef, ReferenceReader, ResolvedParty } from './reference-reader.js';

export class ReferenceReaderFactory {
  constructor(
    private readonly graph: ReferenceGraphRepository,
    private readonly names: ReferenceLookupRepository,
  ) {}

  /**
   * `asOf` defaults to today: relations and brand links are judged as they stand when the check runs,
   * while the dataset version (pinned by the workflow) fixes which facts are known.
   */
  forVersion(asOfVersion: number, asOf = new Date().toISOString().slice(0, 10)): ReferenceReader {
    return new DbReferenceReader(this.graph, this.names, asOfVersion, asOf);
  }
}

class DbReferenceReader implements ReferenceReader {
  private profiles: Promise<JurisdictionProfiles> | null = null;

  constructor(
    private readonly graph: ReferenceGraphRepository,
    private readonly names: ReferenceLookupRepository,
    private readonly version: number,
    readonly asOf: string,
  ) {}

  resolveParties(parties: readonly PartyRef[]): Promise<(ResolvedParty | null)[]> {
    return resolveParties({ graph: this.graph, names: this.names }, parties, this.version);
  }

  async brandRelations(brands: readonly string[]): Promise<BrandRelation[][]> {
    const normalised = brands.map((brand) => (brand ? normaliseName(brand) : ''));
    const rows = await this.graph.brandRelations([...new Set(normalised.filter(Boolean))], this.version);
    return normalised.map((name) =>
      name
        ? rows
            .filter((row) => row.brandNormalised === name)
            .map(({ brandNormalised: _, ...relation }) => relation)
        : [],
    );
  }

  async entities(externalIds: readonly string[]): Promise<Map<string, RefEntity>> {
    const found = await this.graph.entitiesByExternalIds(externalIds, this.version);
    return new Map(found.map((entity) => [entity.externalId, entity]));
  }

  upstreamOwnership(rootIds: readonly string[], maxDepth: number): Promise<OwnershipData> {
    return this.graph.upstreamSubgraph(rootIds, maxDepth, this.version);
  }

  jurisdictions(): Promise<JurisdictionProfiles> {
    this.profiles ??= this.graph
      .jurisdictionProfiles(this.version)
      .then((rows) => JurisdictionProfiles.of(rows));
    return this.profiles;
  }
}
