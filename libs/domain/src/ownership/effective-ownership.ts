// Who owns the subject, directly or through others, and how much: effective shares along every path
// (multiplied along a path, summed across paths, ranges kept), ultimate, state and listed owners, the
// thresholds that matter for procurement, and the connected persons they make.
import { findConnectedPersons } from './connected-persons.js';
import { isListedEntity, isStateEntity, listIdsOf } from './entity-classification.js';
import { applyFiftyPercentRule } from './fifty-percent-rule.js';
import {
  resolveSettings,
  type EffectiveOwner,
  type OwnershipAnalysis,
  type ResolveOwnersOptions,
  type ResolvedSettings,
} from './ownership-analysis.js';
import { pathsOf } from './ownership-flow.js';
import type { OwnershipSource } from './ownership-graph.js';
import { aggregatePaths, type ReachedNode } from './path-aggregation.js';
import { exceeds, rounded } from './share-range.js';
import { collectUpstream, type UpstreamSubgraph } from './upstream-subgraph.js';

export function resolveOwners(
  source: OwnershipSource,
  subjectId: string,
  options: ResolveOwnersOptions = {},
): OwnershipAnalysis {
  const settings = resolveSettings(options);
  const graph = collectUpstream(source, subjectId, settings);
  const { reached, truncated, pathLimitReached } = aggregatePaths(graph, settings);
  const ownersByNode = new Map<number, EffectiveOwner>();
  for (const [node, found] of reached)
    ownersByNode.set(node, describeOwner(source, graph, node, found, settings));
  const listed = graph.ids.map((_, node) => ownersByNode.get(node)?.listed ?? false);
  return {
    subjectId,
    subject: source.entity(subjectId),
    asOf: settings.asOf,
    maxDepth: settings.maxDepth,
    thresholds: {
      significantControlPct: settings.significantControlPct,
      majorityPct: settings.majorityPct,
      usFiftyPercentRulePct: settings.usFiftyPercentRulePct,
    },
    owners: [...ownersByNode.values()].sort(strongestFirst),
    directRelations: graph.owners[0].map(({ edge }) => edge),
    connectedPersons: findConnectedPersons(source, graph, ownersByNode, settings),
    usFiftyPercentRule: applyFiftyPercentRule(graph, listed, settings.usFiftyPercentRulePct),
    truncated,
    pathLimitReached,
  };
}

function describeOwner(
  source: OwnershipSource,
  graph: UpstreamSubgraph,
  node: number,
  { flow, depth }: ReachedNode,
  settings: ResolvedSettings,
): EffectiveOwner {
  const entityId = graph.ids[node];
  const entity = source.entity(entityId);
  const share = rounded(flow.share);
  const hasOwners = graph.owners[node].length > 0 || graph.continuesBeyond[node];
  return {
    entityId,
    entity,
    name: entity?.name ?? entityId,
    share,
    shareUnknown: flow.shareUnknown,
    controlOnly: flow.controlOnly,
    depth,
    pathCount: flow.pathCount,
    paths: pathsOf(flow).map((path) => ({ ...path, share: rounded(path.share) })),
    ultimate: !hasOwners || entity?.kind === 'state_body',
    state: isStateEntity(entity, settings),
    listed: isListedEntity(entity, settings),
    listIds: listIdsOf(entity),
    topics: entity ? [...entity.topics] : [],
    aboveSignificantControl: exceeds(share, settings.significantControlPct),
    aboveMajority: exceeds(share, settings.majorityPct),
  };
}

function strongestFirst(a: EffectiveOwner, b: EffectiveOwner): number {
  return (
    b.share.max - a.share.max ||
    b.share.min - a.share.min ||
    a.depth - b.depth ||
    (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0)
  );
}
