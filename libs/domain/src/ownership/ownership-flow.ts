// The share flowing from the subject up to a node, aggregated over every path that reaches it, plus the
// few strongest of those paths kept as evidence. Aggregating instead of listing paths is what keeps
// diamond-shaped groups polynomial: 3 owners per level over 12 levels is 531,441 paths but only 36 edges.
import type { Confidence } from '../../../contracts/src/index.js';
import type { OwnershipEdge, OwnershipPath } from './ownership-analysis.js';
import { addShares, multiplyShares, WHOLE, type ShareRange } from './share-range.js';

/** A path as a linked list from its top edge down to the subject, so extending one shares the tail. */
interface PathLink {
  edge: OwnershipEdge | null;
  previous: PathLink | null;
  share: ShareRange;
  length: number;
}

export interface OwnershipFlow {
  share: ShareRange;
  shareUnknown: boolean;
  controlOnly: boolean;
  pathCount: number;
  /** Strongest paths first. */
  strongest: PathLink[];
}

const SUBJECT_LINK: PathLink = { edge: null, previous: null, share: WHOLE, length: 0 };

export function subjectFlow(): OwnershipFlow {
  return { share: WHOLE, shareUnknown: false, controlOnly: false, pathCount: 1, strongest: [SUBJECT_LINK] };
}

/** The flow one relation further up. Scaling every path by the same edge keeps their order. */
export function extendFlow(flow: OwnershipFlow, edge: OwnershipEdge): OwnershipFlow {
  return {
    share: multiplyShares(flow.share, edge.share),
    shareUnknown: flow.shareUnknown || edge.shareUnknown,
    controlOnly: flow.controlOnly || edge.controlOnly,
    pathCount: flow.pathCount,
    strongest: flow.strongest.map((link) => ({
      edge,
      previous: link,
      share: multiplyShares(link.share, edge.share),
      length: link.length + 1,
    })),
  };
}

/** Adds `addition` (other paths to the same node) into `target`, in place. */
export function mergeFlow(target: OwnershipFlow, addition: OwnershipFlow, maxPaths: number): void {
  target.share = addShares(target.share, addition.share);
  target.shareUnknown ||= addition.shareUnknown;
  target.controlOnly ||= addition.controlOnly;
  target.pathCount += addition.pathCount;
  target.strongest = strongestOf(target.strongest, addition.strongest, maxPaths);
}

export function copyFlow(flow: OwnershipFlow): OwnershipFlow {
  return { ...flow, strongest: [...flow.strongest] };
}

export function pathsOf(flow: OwnershipFlow): OwnershipPath[] {
  return flow.strongest.map((link) => {
    const edges: OwnershipEdge[] = [];
    for (let at: PathLink | null = link; at?.edge; at = at.previous) edges.push(at.edge);
    edges.reverse();
    return { edges, share: link.share, confidence: weakestConfidence(edges) };
  });
}

function strongestOf(a: PathLink[], b: PathLink[], maxPaths: number): PathLink[] {
  const merged: PathLink[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < maxPaths && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && compareLinks(a[i], b[j]) <= 0)) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  return merged;
}

/** Stronger first: higher upper bound, then higher lower bound, then shorter. */
function compareLinks(a: PathLink, b: PathLink): number {
  return b.share.max - a.share.max || b.share.min - a.share.min || a.length - b.length;
}

const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];

export function weakestConfidence(edges: readonly OwnershipEdge[]): Confidence {
  let weakest = 2;
  for (const edge of edges) weakest = Math.min(weakest, CONFIDENCE_ORDER.indexOf(edge.confidence));
  return CONFIDENCE_ORDER[weakest];
}
