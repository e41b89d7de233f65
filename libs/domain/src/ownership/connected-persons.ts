// Connected persons in the Procurement Act 2023 sense (Sch 6 para 45), as far as ownership data shows them:
// persons with significant control, parent and subsidiary undertakings, directors. Predecessors and others
// with influence are outside what the registry data records.
import type {
  ConnectedPerson,
  EffectiveOwner,
  OwnershipEdge,
  OwnershipThresholds,
} from './ownership-analysis.js';
import { isActiveOn, type OwnershipSource } from './ownership-graph.js';
import { exceeds, relationShare, strongest, type Certainty } from './share-range.js';
import type { UpstreamSubgraph } from './upstream-subgraph.js';

const RANK: Record<Certainty, number> = { no: 0, possible: 1, yes: 2 };

export function findConnectedPersons(
  source: OwnershipSource,
  graph: UpstreamSubgraph,
  ownersByNode: ReadonlyMap<number, EffectiveOwner>,
  settings: OwnershipThresholds & { asOf: string | null },
): ConnectedPerson[] {
  const connected: ConnectedPerson[] = [];
  const add = (owner: EffectiveOwner, basis: ConnectedPerson['basis'], certainty: Certainty) => {
    if (certainty !== 'no')
      connected.push({ entityId: owner.entityId, name: owner.name, basis, certainty, share: owner.share });
  };
  const directlyControls = new Set(
    graph.owners[0].filter(({ edge }) => edge.controlOnly).map(({ owner }) => owner),
  );
  const parents = majorityChains(graph, settings.majorityPct);
  for (const [node, owner] of ownersByNode) {
    // Control rights without shares (appointment rights, supervision) are significant control in themselves.
    add(owner, 'significant_control', directlyControls.has(node) ? 'yes' : owner.aboveSignificantControl);
    add(owner, 'parent_undertaking', strongest(parents[node], owner.aboveMajority));
  }
  connected.push(...subsidiaries(source, graph.ids[0], settings));
  for (const director of graph.directors) {
    const entity = source.entity(director.ownerId);
    connected.push({
      entityId: director.ownerId,
      name: entity?.name ?? director.ownerId,
      basis: 'director',
      certainty: 'yes',
      share: null,
      relationId: director.relationId,
    });
  }
  return connected;
}

/**
 * A parent's parent is a parent (Companies Act s1162): an owner reached through a chain of majority
 * holdings is a parent undertaking even when the multiplied share is below 50 %.
 */
function majorityChains(graph: UpstreamSubgraph, majorityPct: number): Certainty[] {
  const certainty: Certainty[] = graph.ids.map((_, node) => (node === 0 ? 'yes' : 'no'));
  for (let changed = true; changed;) {
    changed = false;
    for (let node = 0; node < graph.ids.length; node++) {
      if (certainty[node] === 'no') continue;
      for (const { owner, edge } of graph.owners[node]) {
        const reached = weakest(certainty[node], holdsMajority(edge, majorityPct));
        if (RANK[reached] > RANK[certainty[owner]]) {
          certainty[owner] = reached;
          changed = true;
        }
      }
    }
  }
  certainty[0] = 'no';
  return certainty;
}

function subsidiaries(
  source: OwnershipSource,
  subjectId: string,
  settings: { majorityPct: number; asOf: string | null },
): ConnectedPerson[] {
  const owned = source.ownedBy?.(subjectId) ?? [];
  return owned
    .filter((relation) => relation.kind !== 'director' && relation.ownedExternalId !== subjectId)
    .filter((relation) => settings.asOf === null || isActiveOn(relation, settings.asOf))
    .flatMap((relation): ConnectedPerson[] => {
      const { share, controlOnly } = relationShare(relation);
      const certainty =
        relation.kind === 'parent' ? 'yes' : controlOnly ? 'possible' : exceeds(share, settings.majorityPct);
      if (certainty === 'no') return [];
      const entity = source.entity(relation.ownedExternalId);
      return [
        {
          entityId: relation.ownedExternalId,
          name: entity?.name ?? relation.ownedExternalId,
          basis: 'subsidiary_undertaking',
          certainty,
          share: controlOnly ? null : share,
          relationId: relation.externalId,
        },
      ];
    });
}

function holdsMajority(edge: OwnershipEdge, majorityPct: number): Certainty {
  if (edge.kind === 'parent') return 'yes';
  return edge.controlOnly ? 'possible' : exceeds(edge.share, majorityPct);
}

function weakest(a: Certainty, b: Certainty): Certainty {
  return RANK[a] <= RANK[b] ? a : b;
}
