// Collects the part of the ownership graph an analysis can reach: the subject's owners, their owners and
// so on, up to the depth bound. Nodes are renumbered (0 = subject) so the path maths runs on arrays.
import type { Confidence, OwnershipRelation } from '../../../contracts/src/index.js';
import type { OwnershipSource } from './ownership-graph.js';
import { isActiveOn } from './ownership-graph.js';
import type { OwnershipEdge } from './ownership-analysis.js';
import { relationShare } from './share-range.js';

export interface SubgraphEdge {
  owner: number;
  edge: OwnershipEdge;
}

export interface UpstreamSubgraph {
  /** Entity id per node; node 0 is the subject. */
  ids: string[];
  /** Shortest distance from the subject, in relations. */
  distance: number[];
  /** Per node, the relations to its owners inside the sub-graph, ordered by owner id. */
  owners: SubgraphEdge[][];
  /** Per node, whether it has owners beyond the depth bound (outside the sub-graph). */
  continuesBeyond: boolean[];
  /** Strongly connected component per node: cross-holdings put several nodes in one component. */
  component: Int32Array;
  componentSize: number[];
  /** The subject's directors (kind 'director'), which are not owners. */
  directors: OwnershipEdge[];
}

export function collectUpstream(
  source: OwnershipSource,
  subjectId: string,
  settings: { maxDepth: number; asOf: string | null },
): UpstreamSubgraph {
  const subjectRelations = activeRelations(source, subjectId, settings.asOf);
  const directors = subjectRelations.filter((relation) => relation.kind === 'director').map(toEdge);
  const indirect = subjectRelations.filter(
    (relation) => relation.kind !== 'director' && relation.direct === false,
  );
  let graph = walkUpstream(source, subjectId, settings, []);
  // A registry may record an indirect holding next to the chain it summarises (UK PSC "indirect" next to
  // the intermediate companies). Counting both would double the share, so an indirect relation only
  // stands in when the chain itself is missing.
  const unexplained = indirect.filter((relation) => !graph.ids.includes(relation.ownerExternalId));
  if (unexplained.length > 0) graph = walkUpstream(source, subjectId, settings, unexplained);
  return { ...graph, directors, ...stronglyConnectedComponents(graph.owners) };
}

function walkUpstream(
  source: OwnershipSource,
  subjectId: string,
  settings: { maxDepth: number; asOf: string | null },
  subjectIndirect: OwnershipRelation[],
): Pick<UpstreamSubgraph, 'ids' | 'distance' | 'owners' | 'continuesBeyond'> {
  const ids = [subjectId];
  const nodeOf = new Map([[subjectId, 0]]);
  const distance = [0];
  const owners: SubgraphEdge[][] = [];
  const continuesBeyond: boolean[] = [];
  // Breadth-first, so every node within the bound is numbered before a node at the bound is expanded.
  for (let node = 0; node < ids.length; node++) {
    const relations = activeRelations(source, ids[node], settings.asOf).filter(
      (relation) => relation.kind !== 'director' && relation.direct !== false,
    );
    if (node === 0) relations.push(...subjectIndirect);
    owners.push([]);
    continuesBeyond.push(false);
    for (const relation of onePerOwner(relations)) {
      let owner = nodeOf.get(relation.ownerExternalId);
      if (owner === undefined) {
        if (distance[node] === settings.maxDepth) {
          continuesBeyond[node] = true;
          continue;
        }
        owner = ids.length;
        ids.push(relation.ownerExternalId);
        nodeOf.set(relation.ownerExternalId, owner);
        distance.push(distance[node] + 1);
      }
      owners[node].push({ owner, edge: toEdge(relation) });
    }
  }
  return { ids, distance, owners, continuesBeyond };
}

function activeRelations(
  source: OwnershipSource,
  entityId: string,
  asOf: string | null,
): OwnershipRelation[] {
  return source
    .ownersOf(entityId)
    .filter(
      (relation) => relation.ownerExternalId !== entityId && (asOf === null || isActiveOn(relation, asOf)),
    );
}

/**
 * Registries often state one holding several times (a PSC's share band and voting-rights band, the same
 * stake in two datasets). Those are one holding, not two paths, so the most informative statement wins.
 */
function onePerOwner(relations: OwnershipRelation[]): OwnershipRelation[] {
  const best = new Map<string, OwnershipRelation>();
  for (const relation of relations) {
    const current = best.get(relation.ownerExternalId);
    if (!current || statementRank(relation) > statementRank(current))
      best.set(relation.ownerExternalId, relation);
  }
  return [...best.values()].sort((a, b) => compareIds(a.ownerExternalId, b.ownerExternalId));
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

function statementRank(relation: OwnershipRelation): number {
  const { share, shareUnknown, controlOnly } = relationShare(relation);
  const informative = shareUnknown || controlOnly ? 0 : share.point !== null ? 2 : 1;
  // Narrower ranges say more; the width term stays below 1 so it only breaks ties.
  return informative * 10 + CONFIDENCE_RANK[relation.confidence] * 2 + (100 - (share.max - share.min)) / 101;
}

function toEdge(relation: OwnershipRelation): OwnershipEdge {
  return {
    relationId: relation.externalId,
    ownerId: relation.ownerExternalId,
    ownedId: relation.ownedExternalId,
    kind: relation.kind ?? 'shareholding',
    direct: relation.direct !== false,
    ...relationShare(relation),
    confidence: relation.confidence,
    source: relation.source,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tarjan's algorithm, iterative so a long chain cannot overflow the call stack. */
function stronglyConnectedComponents(
  owners: SubgraphEdge[][],
): Pick<UpstreamSubgraph, 'component' | 'componentSize'> {
  const count = owners.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const component = new Int32Array(count).fill(-1);
  const componentSize: number[] = [];
  const stack: number[] = [];
  const callStack: number[] = [];
  const nextEdge: number[] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (callStack.length > 0) {
      const top = callStack.length - 1;
      const node = callStack[top];
      if (nextEdge[top] < owners[node].length) {
        const next = owners[node][nextEdge[top]++].owner;
        if (order[next] === -1) enter(next);
        else if (onStack[next]) low[node] = Math.min(low[node], order[next]);
        continue;
      }
      callStack.pop();
      nextEdge.pop();
      if (callStack.length > 0) {
        const parent = callStack[callStack.length - 1];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === order[node]) {
        const id = componentSize.length;
        let size = 0;
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component[member] = id;
          size++;
        } while (member !== node);
        componentSize.push(size);
      }
    }
  }
  return { component, componentSize };

  function enter(node: number): void {
    order[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    callStack.push(node);
    nextEdge.push(0);
  }
}
