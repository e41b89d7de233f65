// Small builders for hand-made ownership graphs in the specs.
import type { OwnershipRelation, RefEntity } from '../../../contracts/src/index.js';
import { OwnershipGraph } from './ownership-graph.js';

export const AS_OF = '2025-06-01';

export function company(id: string, extra: Partial<RefEntity> = {}): RefEntity {
  return {
    externalId: id,
    kind: 'company',
    name: id,
    aliases: [],
    country: 'GB',
    identifiers: [],
    topics: [],
    lists: [],
    source: 'test registry',
    confidence: 'high',
    ...extra,
  };
}

export function person(id: string, extra: Partial<RefEntity> = {}): RefEntity {
  return company(id, { kind: 'person', ...extra });
}

export function stateBody(id: string, extra: Partial<RefEntity> = {}): RefEntity {
  return company(id, { kind: 'state_body', country: 'CN', ...extra });
}

/** A share: exact percent, an exclusive-min band [min, max], 'unknown', or 'control' (no share). */
export type ShareSpec = number | [number, number] | 'unknown' | 'control';

export function owns(
  owner: string,
  owned: string,
  share: ShareSpec,
  extra: Partial<OwnershipRelation> = {},
): OwnershipRelation {
  const shareFields =
    typeof share === 'number'
      ? { shareExact: share }
      : Array.isArray(share)
        ? { shareMin: share[0], shareMax: share[1] }
        : share === 'control'
          ? { controlOnly: true, kind: 'control' as const }
          : {};
  return {
    externalId: `${owner}->${owned}`,
    ownerExternalId: owner,
    ownedExternalId: owned,
    direct: true,
    kind: 'shareholding',
    source: 'test registry',
    confidence: 'high',
    ...shareFields,
    ...extra,
  };
}

/** Builds a graph; entities named in relations but not given are created as companies. */
export function graphOf(
  relations: OwnershipRelation[],
  entities: RefEntity[] = [],
  asOf = AS_OF,
): OwnershipGraph {
  const known = new Map(entities.map((entity) => [entity.externalId, entity]));
  for (const relation of relations) {
    for (const id of [relation.ownerExternalId, relation.ownedExternalId]) {
      if (!known.has(id)) known.set(id, company(id));
    }
  }
  return OwnershipGraph.build(known.values(), relations, { asOf });
}

/** Subject S owned by `width` nodes per level, each owned by every node of the level above, `levels` deep. */
export function fullyMeshedGroup(levels: number, width: number): OwnershipRelation[] {
  const relations: OwnershipRelation[] = [];
  const level = (n: number) => (n === 0 ? ['S'] : Array.from({ length: width }, (_, i) => `L${n}-${i}`));
  for (let n = 0; n < levels; n++) {
    for (const owned of level(n)) {
      for (const owner of level(n + 1)) relations.push(owns(owner, owned, 100 / width));
    }
  }
  return relations;
}
