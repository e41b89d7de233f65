// Matching a declared party to a reference entity: a shared identifier first (strong evidence), else an
// equal normalised name or alias, with the country as a qualifier. This is the one place to swap in the
// fuzzy name matcher; the checks only see `ResolvedParty`.
import type { Identifier, RefEntity } from '../../../../../libs/contracts/src/index.js';
import { normaliseName } from '../../../../../libs/domain/src/names/index.js';
import type {
  NameHit,
  ReferenceLookupRepository,
} from '../../../../../libs/reference-data/src/store/index.js';
import {
  identifierKey,
  type ReferenceGraphRepository,
} from '../../../../../libs/reference-data/src/store/reference-graph.repository.js';
import type { PartyRef, ResolvedParty } from './reference-reader.js';

export interface PartyResolutionSources {
  graph: ReferenceGraphRepository;
  names: ReferenceLookupRepository;
}

export async function resolveParties(
  sources: PartyResolutionSources,
  parties: readonly PartyRef[],
  asOfVersion: number,
): Promise<(ResolvedParty | null)[]> {
  const normalised = parties.map((party) => (party.name ? normaliseName(party.name) : ''));
  const [byIdentifier, nameHits] = await Promise.all([
    sources.graph.entitiesByIdentifiers(
      parties.flatMap((party) => party.identifiers ?? []),
      asOfVersion,
    ),
    sources.names.findByNormalisedNames([...new Set(normalised.filter(Boolean))], asOfVersion),
  ]);
  return parties.map((party, index) => {
    for (const identifier of party.identifiers ?? []) {
      const key = identifierKey(identifier);
      const entity = byIdentifier.find((candidate) =>
        candidate.identifiers.some((id) => identifierKey(id) === key),
      );
      if (entity) return { entity, by: 'identifier', matched: key };
    }
    const hit = bestNameHit(
      nameHits.filter((candidate) => candidate.matchedNormalised === normalised[index]),
      party,
    );
    return hit ? { entity: toRefEntity(hit), by: 'name', matched: hit.matchedName } : null;
  });
}

/**
 * A namesake in another country, or with another number in the same register, is another company.
 * Among the rest a primary-name match beats an alias; ties go to the lowest id, so answers are stable.
 */
function bestNameHit(hits: NameHit[], party: PartyRef): NameHit | undefined {
  const country = party.country?.trim().toUpperCase();
  const compatible = hits.filter(
    (hit) =>
      (!country || !hit.country || hit.country.toUpperCase() === country) &&
      !conflictingIdentifier(party.identifiers ?? [], hit.identifiers),
  );
  return compatible.sort(
    (a, b) =>
      Number(b.matchedName === b.name) - Number(a.matchedName === a.name) ||
      (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0),
  )[0];
}

function conflictingIdentifier(declared: readonly Identifier[], registry: readonly Identifier[]): boolean {
  return declared.some((id) =>
    registry.some(
      (other) =>
        other.scheme.toUpperCase() === id.scheme.toUpperCase() && identifierKey(other) !== identifierKey(id),
    ),
  );
}

function toRefEntity(hit: NameHit): RefEntity {
  return {
    externalId: hit.externalId,
    kind: hit.kind as RefEntity['kind'],
    name: hit.name,
    aliases: hit.aliases ?? [],
    country: hit.country,
    identifiers: hit.identifiers ?? [],
    topics: hit.topics ?? [],
    lists: hit.lists ?? [],
    source: hit.source,
    confidence: hit.confidence as RefEntity['confidence'],
  };
}
