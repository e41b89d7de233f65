// Sums the share every owner holds in the subject over all simple paths (no node visited twice) of at most
// `maxDepth` relations, without listing the paths one by one.
//
// Outside ownership cycles, flows are aggregated per (node, depth): the work grows with edges × depth, not
// with the number of paths. A simple path can only wander inside a cycle (a strongly connected component)
// once, entering and leaving it a single time, so inside a component the paths are enumerated explicitly
// from each entry node, under a step budget; components are small in real registries (cross-holdings).
import { copyFlow, extendFlow, mergeFlow, subjectFlow, type OwnershipFlow } from './ownership-flow.js';
import type { UpstreamSubgraph } from './upstream-subgraph.js';

export interface ReachedNode {
  flow: OwnershipFlow;
  /** Shortest path length. */
  depth: number;
}

export interface PathAggregation {
  /** By node index; the subject (node 0) is not included. */
  reached: Map<number, ReachedNode>;
  truncated: boolean;
  pathLimitReached: boolean;
}

export function aggregatePaths(
  graph: UpstreamSubgraph,
  settings: { maxDepth: number; maxPathsPerOwner: number; cyclePathBudget: number },
): PathAggregation {
  const { maxDepth, maxPathsPerOwner: maxPaths } = settings;
  const frontiers: Map<number, OwnershipFlow>[] = Array.from({ length: maxDepth + 1 }, () => new Map());
  const reached = new Map<number, ReachedNode>();
  const onPath = new Uint8Array(graph.ids.length);
  let budget = settings.cyclePathBudget;
  let truncated = false;
  let pathLimitReached = false;

  frontiers[0].set(0, subjectFlow());
  for (let depth = 0; depth <= maxDepth; depth++) {
    for (const [node, flow] of frontiers[depth]) {
      if (graph.componentSize[graph.component[node]] === 1) leave(node, flow, depth);
      else {
        onPath[node] = 1;
        walkComponent(node, flow, depth);
        onPath[node] = 0;
      }
    }
    frontiers[depth] = new Map(); // done with this depth; let it be collected
  }
  return { reached, truncated, pathLimitReached };

  /** Records the flow at `node` and pushes it to owners outside the node's component. */
  function leave(node: number, flow: OwnershipFlow, depth: number): void {
    if (depth > 0) record(node, flow, depth);
    const component = graph.component[node];
    for (const { owner, edge } of graph.owners[node]) {
      if (graph.component[owner] === component) continue;
      if (depth === maxDepth) {
        truncated = true;
        return;
      }
      const next = frontiers[depth + 1];
      const extended = extendFlow(flow, edge);
      const existing = next.get(owner);
      if (existing) mergeFlow(existing, extended, maxPaths);
      else next.set(owner, extended);
    }
    if (depth === maxDepth && graph.continuesBeyond[node]) truncated = true;
  }

  /** Every simple path inside the component from the entry node; each one may leave it at its end. */
  function walkComponent(node: number, flow: OwnershipFlow, depth: number): void {
    leave(node, flow, depth);
    const component = graph.component[node];
    for (const { owner, edge } of graph.owners[node]) {
      if (graph.component[owner] !== component || onPath[owner]) continue;
      if (depth === maxDepth) {
        truncated = true;
        return;
      }
      if (--budget < 0) {
        pathLimitReached = true;
        return;
      }
      onPath[owner] = 1;
      walkComponent(owner, extendFlow(flow, edge), depth + 1);
      onPath[owner] = 0;
    }
  }

  function record(node: number, flow: OwnershipFlow, depth: number): void {
    const known = reached.get(node);
    if (!known) reached.set(node, { flow: copyFlow(flow), depth });
    else {
      mergeFlow(known.flow, flow, maxPaths);
      known.depth = Math.min(known.depth, depth);
    }
  }
}
