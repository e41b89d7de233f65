// Where the ownership analysis reads its data from. The analysis only asks "who owns X?" and "what is X?",
// so an in-memory graph (tests, the seed data, the benchmark) and a database loader that fetches the
// sub-graph around a subject with a recursive CTE can both feed it.
import type { OwnershipRelation, RefEntity } from '../../../contracts/src/index.js';

export interface OwnershipSource {
  /**
   * Relations whose owned side is `entityId`, directors included. A loader that prefetches a sub-graph for
   * an analysis bounded at depth N must include the relations of entities at depth N too (depth N + 1
   * edges), or the analysis cannot tell that data continues beyond the bound.
   */
  ownersOf(entityId: string): readonly OwnershipRelation[];
  /** Optional reverse direction, used only to name subsidiaries among connected persons. */
  ownedBy?(entityId: string): readonly OwnershipRelation[];
  entity(entityId: string): RefEntity | undefined;
}

/**
 * Whether a relation holds on `asOf` (ISO date or timestamp). `endDate` is the first day it no longer holds:
 * a holding sold on 2022-11-24 is gone on that day.
 */
export function isActiveOn(relation: OwnershipRelation, asOf: string): boolean {
  const day = asOf.slice(0, 10);
  if (relation.startDate && relation.startDate.slice(0, 10) > day) return false;
  if (relation.endDate && relation.endDate.slice(0, 10) <= day) return false;
  return true;
}

const NONE: readonly OwnershipRelation[] = Object.freeze([]);

export class OwnershipGraph implements OwnershipSource {
  private constructor(
    private readonly entities: ReadonlyMap<string, RefEntity>,
    private readonly ownersIndex: ReadonlyMap<string, OwnershipRelation[]>,
    private readonly ownedIndex: ReadonlyMap<string, OwnershipRelation[]>,
    readonly relationCount: number,
  ) {}

  /** Indexes the relations in force on `asOf` by owned and by owner entity. */
  static build(
    entities: Iterable<RefEntity>,
    relations: Iterable<OwnershipRelation>,
    options: { asOf: string },
  ): OwnershipGraph {
    const entityIndex = new Map<string, RefEntity>();
    for (const entity of entities) entityIndex.set(entity.externalId, entity);
    const ownersIndex = new Map<string, OwnershipRelation[]>();
    const ownedIndex = new Map<string, OwnershipRelation[]>();
    let count = 0;
    for (const relation of relations) {
      if (!isActiveOn(relation, options.asOf)) continue;
      append(ownersIndex, relation.ownedExternalId, relation);
      append(ownedIndex, relation.ownerExternalId, relation);
      count++;
    }
    return new OwnershipGraph(entityIndex, ownersIndex, ownedIndex, count);
  }

  ownersOf(entityId: string): readonly OwnershipRelation[] {
    return this.ownersIndex.get(entityId) ?? NONE;
  }

  ownedBy(entityId: string): readonly OwnershipRelation[] {
    return this.ownedIndex.get(entityId) ?? NONE;
  }

  entity(entityId: string): RefEntity | undefined {
    return this.entities.get(entityId);
  }
}

function append(index: Map<string, OwnershipRelation[]>, key: string, relation: OwnershipRelation): void {
  const list = index.get(key);
  if (list) list.push(relation);
  else index.set(key, [relation]);
}
