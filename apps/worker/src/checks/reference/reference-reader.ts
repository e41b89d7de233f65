// What the ownership, jurisdiction, product and sub-contractor checks read, as of one reference-data
// version and one calendar day. The database implements it for the worker; an in-memory one serves the
// table-driven specs, so the checks' reasoning is tested without I/O.
import type {
  BrandRelation,
  Identifier,
  OwnershipRelation,
  RefEntity,
} from '../../../../../libs/contracts/src/index.js';
import type { JurisdictionProfiles } from './jurisdiction-profiles.js';

/** A company or person as a declaration or screening names it. */
export interface PartyRef {
  name: string;
  country?: string | null;
  identifiers?: Identifier[];
}

export interface ResolvedParty {
  entity: RefEntity;
  /** How it was found: an identifier is strong evidence, an equal normalised name is weaker. */
  by: 'identifier' | 'name';
  /** The registry name or alias that matched (the identifier, when found by identifier). */
  matched: string;
}

export interface ReferenceReader {
  /** The day relations and brand links must hold on (ISO date). */
  readonly asOf: string;
  /** One answer per party, in order; null when the reference data does not know it. */
  resolveParties(parties: readonly PartyRef[]): Promise<(ResolvedParty | null)[]>;
  /** Per brand name, in order, every relation the data states for it, whatever its dates. */
  brandRelations(brands: readonly string[]): Promise<BrandRelation[][]>;
  entities(externalIds: readonly string[]): Promise<Map<string, RefEntity>>;
  /**
   * The ownership relations above the roots, far enough for an analysis bounded at `maxDepth`, and the
   * entities they name. Relations not in force on `asOf` may be included: the analysis filters them.
   */
  upstreamOwnership(rootIds: readonly string[], maxDepth: number): Promise<OwnershipData>;
  jurisdictions(): Promise<JurisdictionProfiles>;
}

export interface OwnershipData {
  entities: RefEntity[];
  relations: OwnershipRelation[];
}
