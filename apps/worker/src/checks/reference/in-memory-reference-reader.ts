// A ReferenceReader over plain arrays, for the checks' table-driven specs (and any caller that has the
// reference data in memory). Names match when equal after the ownership library's plain normalisation.
import type {
  BrandRelation,
  JurisdictionProfile,
  OwnershipRelation,
  RefEntity,
} from '../../../../../libs/contracts/src/index.js';
import { normaliseOwnerName, sameIdentifier } from '../../../../../libs/domain/src/ownership/index.js';
import { JurisdictionProfiles } from './jurisdiction-profiles.js';
import type { OwnershipData, PartyRef, ReferenceReader, ResolvedParty } from './reference-reader.js';

export interface ReferenceFixture {
  entities: RefEntity[];
  relations?: OwnershipRelation[];
  brands?: BrandRelation[];
  jurisdictions?: JurisdictionProfile[];
}

export class InMemoryReferenceReader implements ReferenceReader {
  constructor(
    private readonly data: ReferenceFixture,
    readonly asOf: string,
  ) {}

  async resolveParties(parties: readonly PartyRef[]): Promise<(ResolvedParty | null)[]> {
    return parties.map((party) => {
      for (const identifier of party.identifiers ?? []) {
        const entity = this.data.entities.find((e) =>
          e.identifiers.some((id) => sameIdentifier(id, identifier)),
        );
        if (entity) return { entity, by: 'identifier', matched: `${identifier.scheme}:${identifier.id}` };
      }
      const wanted = normaliseOwnerName(party.name ?? '');
      const country = party.country?.toUpperCase();
      for (const entity of this.data.entities) {
        if (country && entity.country && entity.country !== country) continue;
        const matched = [entity.name, ...entity.aliases].find(
          (name) => wanted && normaliseOwnerName(name) === wanted,
        );
        if (matched) return { entity, by: 'name', matched };
      }
      return null;
    });
  }

  async brandRelations(brands: readonly string[]): Promise<BrandRelation[][]> {
    return brands.map((brand) => {
      const wanted = normaliseOwnerName(brand ?? '');
      return wanted ? (this.data.brands ?? []).filter((b) => normaliseOwnerName(b.brand) === wanted) : [];
    });
  }

  async entities(externalIds: readonly string[]): Promise<Map<string, RefEntity>> {
    const wanted = new Set(externalIds);
    return new Map(this.data.entities.filter((e) => wanted.has(e.externalId)).map((e) => [e.externalId, e]));
  }

  /** Everything: the analysis only follows what it can reach from its subject. */
  async upstreamOwnership(): Promise<OwnershipData> {
    return { entities: this.data.entities, relations: this.data.relations ?? [] };
  }

  async jurisdictions(): Promise<JurisdictionProfiles> {
    return JurisdictionProfiles.of(this.data.jurisdictions ?? []);
  }
}
