// Turns ownership paths into evidence a reviewer can follow without the database: one readable label per
// hop ("CETHIK (38.88%, medium, IPVM 2018)") and the full facts of every relation in `detail`.
import type { Evidence } from '../../../contracts/src/index.js';
import type { OwnershipAnalysis, OwnershipEdge, OwnershipPath } from './ownership-analysis.js';
import { formatShare, rounded } from './share-range.js';

export class OwnershipNames {
  private readonly names = new Map<string, string>();
  private readonly tags = new Map<string, string[]>();

  constructor(analysis: OwnershipAnalysis, subjectName?: string) {
    this.names.set(analysis.subjectId, subjectName ?? analysis.subject?.name ?? analysis.subjectId);
    for (const owner of analysis.owners) {
      this.names.set(owner.entityId, owner.name);
      const tags = [...(owner.state ? ['state'] : []), ...(owner.listed ? ['listed'] : [])];
      this.tags.set(owner.entityId, tags);
    }
  }

  nameOf(entityId: string): string {
    return this.names.get(entityId) ?? entityId;
  }

  /** The subject's name followed by one label per owner up the path. */
  labels(edges: readonly OwnershipEdge[]): string[] {
    if (edges.length === 0) return [];
    return [this.nameOf(edges[0].ownedId), ...edges.map((edge) => this.hopLabel(edge))];
  }

  private hopLabel(edge: OwnershipEdge): string {
    const facts = [edgeShareText(edge), edge.confidence, edge.source, ...(this.tags.get(edge.ownerId) ?? [])];
    return `${this.nameOf(edge.ownerId)} (${facts.join(', ')})`;
  }
}

export function pathEvidence(
  names: OwnershipNames,
  path: OwnershipPath,
  extra: { entityId: string; chainAbove?: readonly OwnershipEdge[] },
): Evidence {
  const chainAbove = extra.chainAbove ?? [];
  const weakest = path.confidence;
  return {
    kind: 'ownership',
    path: names.labels([...path.edges, ...chainAbove]),
    entityId: extra.entityId,
    source: [...new Set(path.edges.map((edge) => edge.source))].join('; '),
    confidence: weakest,
    detail: {
      share: shareDetail(path.share),
      edges: path.edges.map((edge) => edgeDetail(names, edge)),
      ...(chainAbove.length > 0 ? { chainAbove: chainAbove.map((edge) => edgeDetail(names, edge)) } : {}),
    },
  };
}

export function edgeDetail(names: OwnershipNames, edge: OwnershipEdge): Record<string, unknown> {
  return {
    relationId: edge.relationId,
    owner: names.nameOf(edge.ownerId),
    ownerId: edge.ownerId,
    owned: names.nameOf(edge.ownedId),
    ownedId: edge.ownedId,
    kind: edge.kind,
    direct: edge.direct,
    shareText: edgeShareText(edge),
    ...(edge.controlOnly || edge.shareUnknown ? {} : shareDetail(edge.share)),
    controlOnly: edge.controlOnly,
    shareUnknown: edge.shareUnknown,
    confidence: edge.confidence,
    source: edge.source,
  };
}

export function shareDetail(share: OwnershipPath['share']): Record<string, number> {
  const { min, max, point } = rounded(share);
  return point !== null ? { share: point, shareMin: min, shareMax: max } : { shareMin: min, shareMax: max };
}

export function edgeShareText(edge: OwnershipEdge): string {
  const text = edge.controlOnly ? 'control' : edge.shareUnknown ? 'share unknown' : formatShare(edge.share);
  return edge.direct ? text : `indirect ${text}`;
}
