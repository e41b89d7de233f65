// Who owns a party, from the registry and from what the supplier declared. The registry's own analysis is
// what the declaration is checked against; the combined one (registry plus the declared owners the
// registry does not confirm, taken at the supplier's word) is what findings and jurisdictions are drawn
// from, so a declared state owner or a declared owner on a list is not lost because the registry is silent.
import type {
  Declaration,
  DeclaredOwner,
  OwnershipRelation,
  RefEntity,
} from '../../../../../libs/contracts/src/index.js';
import {
  compareDeclaredOwners,
  OwnershipGraph,
  resolveOwners,
  type OwnershipAnalysis,
  type OwnershipDiscrepancies,
} from '../../../../../libs/domain/src/ownership/index.js';
import type { PartyRef, ReferenceReader, ResolvedParty } from '../reference/reference-reader.js';

/** Longest ownership chain followed, in relations (issue 4: default 10). */
export const OWNERSHIP_DEPTH = 10;

export const DECLARATION_SOURCE = "supplier's declaration";
/** A supplier's statement about itself is evidence, but not a registry's. */
const DECLARATION_CONFIDENCE = 'medium';
/** Stands for the subject in the graph when the registry does not know it. */
const UNKNOWN_SUBJECT_ID = 'declaration:subject';

export interface DeclaredOwnerEntry {
  owner: DeclaredOwner;
  role: 'owner' | 'parent';
  /** Where in the declaration: "owners[0]", "ultimateParent". */
  declaredAt: string;
}

export interface OwnershipPicture {
  subjectId: string;
  resolved: ResolvedParty | null;
  /** The registry's analysis; null when the subject is not in the reference data. */
  registry: OwnershipAnalysis | null;
  discrepancies: OwnershipDiscrepancies;
  /** Registry plus unconfirmed declared owners, with edges sourced to the declaration. */
  combined: OwnershipAnalysis;
  declared: DeclaredOwnerEntry[];
}

export function declaredOwnerEntries(declaration: Declaration): DeclaredOwnerEntry[] {
  const entries: DeclaredOwnerEntry[] = declaration.owners.map((owner, index) => ({
    owner,
    role: 'owner',
    declaredAt: `owners[${index}]`,
  }));
  const parent = declaration.ultimateParent;
  if (parent?.name?.trim()) {
    entries.push({
      owner: { name: parent.name, country: parent.country, identifiers: parent.identifiers },
      role: 'parent',
      declaredAt: 'ultimateParent',
    });
  }
  return entries;
}

export async function ownershipPicture(
  reader: ReferenceReader,
  party: PartyRef,
  declared: readonly DeclaredOwnerEntry[] = [],
): Promise<OwnershipPicture> {
  const [resolved, ...resolvedOwners] = await reader.resolveParties([
    party,
    ...declared.map(({ owner }) => owner),
  ]);
  const subjectId = resolved?.entity.externalId ?? UNKNOWN_SUBJECT_ID;
  const roots = [subjectId, ...resolvedOwners.flatMap((owner) => (owner ? [owner.entity.externalId] : []))];
  const data = await reader.upstreamOwnership([...new Set(roots)], OWNERSHIP_DEPTH);
  const analyse = (extra: DeclaredEdges) =>
    resolveOwners(
      OwnershipGraph.build([...data.entities, ...extra.entities], [...data.relations, ...extra.relations], {
        asOf: reader.asOf,
      }),
      subjectId,
      { asOf: reader.asOf, maxDepth: OWNERSHIP_DEPTH },
    );

  const registry = resolved ? analyse(NO_EDGES) : null;
  const owners = declared.map(({ owner }) => owner);
  const discrepancies = registry
    ? compareDeclaredOwners(registry, owners)
    : { undeclared: [], unverified: owners, matches: [], declaredCount: owners.length };

  // Owners first: a declared parent usually sits above a declared owner, and then needs no edge of its own.
  // An unconfirmed owner the registry already places in the chain (under another name) needs no edge.
  const inRegistry = new Set(registry?.owners.map((owner) => owner.entityId) ?? []);
  const unconfirmed = declared
    .map((entry, index) => ({ entry, resolved: resolvedOwners[index] ?? null }))
    .filter(({ entry }) => discrepancies.unverified.includes(entry.owner))
    .filter(({ resolved: found }) => !(found && inRegistry.has(found.entity.externalId)));
  let edges = declaredEdges(
    unconfirmed.filter(({ entry }) => entry.role === 'owner'),
    subjectId,
  );
  let combined = analyse(edges);
  const reached = new Set(combined.owners.map((owner) => owner.entityId));
  const parents = unconfirmed.filter(
    ({ entry, resolved: found }) =>
      entry.role === 'parent' && !(found && reached.has(found.entity.externalId)),
  );
  if (parents.length > 0) {
    edges = mergeEdges(edges, declaredEdges(parents, subjectId));
    combined = analyse(edges);
  }
  return { subjectId, resolved, registry, discrepancies, combined, declared: [...declared] };
}

interface DeclaredEdges {
  entities: RefEntity[];
  relations: OwnershipRelation[];
}

const NO_EDGES: DeclaredEdges = { entities: [], relations: [] };

function mergeEdges(a: DeclaredEdges, b: DeclaredEdges): DeclaredEdges {
  return { entities: [...a.entities, ...b.entities], relations: [...a.relations, ...b.relations] };
}

/**
 * Declared holdings the registry does not confirm, as relations sourced to the declaration. An owner the
 * registry knows elsewhere keeps its registry record (and so its own owners and lists); one it does not
 * know becomes an entity described by the declaration alone.
 */
function declaredEdges(
  unconfirmed: { entry: DeclaredOwnerEntry; resolved: ResolvedParty | null }[],
  subjectId: string,
): DeclaredEdges {
  const entities: RefEntity[] = [];
  const relations: OwnershipRelation[] = [];
  for (const { entry, resolved } of unconfirmed) {
    const ownerId = resolved?.entity.externalId ?? `declaration:${entry.declaredAt}`;
    if (ownerId === subjectId) continue;
    if (!resolved) entities.push(declaredEntity(entry, ownerId));
    const share = entry.role === 'owner' ? entry.owner.share : undefined;
    relations.push({
      externalId: `declaration:${entry.declaredAt}`,
      ownerExternalId: ownerId,
      ownedExternalId: subjectId,
      shareExact: share ?? null,
      direct: true,
      // A declared ultimate parent is a parent undertaking, however far up it sits.
      kind: entry.role === 'parent' ? 'parent' : 'shareholding',
      source: DECLARATION_SOURCE,
      confidence: DECLARATION_CONFIDENCE,
    });
  }
  return { entities, relations };
}

function declaredEntity({ owner }: DeclaredOwnerEntry, externalId: string): RefEntity {
  return {
    externalId,
    kind: owner.isState ? 'state_body' : 'company',
    name: owner.name,
    aliases: [],
    country: owner.country?.toUpperCase() ?? null,
    identifiers: owner.identifiers ?? [],
    topics: [],
    lists: [],
    source: DECLARATION_SOURCE,
    confidence: DECLARATION_CONFIDENCE,
  };
}

/** The registry's analysis for each of several companies (manufacturers, sub-contractors), in one read. */
export async function registryOwnership(
  reader: ReferenceReader,
  companies: readonly RefEntity[],
): Promise<Map<string, OwnershipAnalysis>> {
  const ids = [...new Set(companies.map((company) => company.externalId))];
  if (ids.length === 0) return new Map();
  const data = await reader.upstreamOwnership(ids, OWNERSHIP_DEPTH);
  const graph = OwnershipGraph.build([...companies, ...data.entities], data.relations, { asOf: reader.asOf });
  return new Map(
    ids.map((id) => [id, resolveOwners(graph, id, { asOf: reader.asOf, maxDepth: OWNERSHIP_DEPTH })]),
  );
}
