// The US OFAC 50 % rule: an entity owned 50 % or more, directly or indirectly, in the aggregate by one or
// more blocked persons is itself blocked. OFAC does not multiply down a chain: if a blocked person owns
// 50 % of A and A owns 50 % of B, B is blocked because A is (OFAC FAQs 398, 401). So the rule is applied
// bottom-up: an owner counts when it is listed or the rule blocks it, and the subject is judged on the
// shares its direct owners hold. Control without ownership does not count (FAQ 398).
import type { FiftyPercentRuleResult } from './ownership-analysis.js';
import { addShares, reaches, type Certainty, type ShareRange } from './share-range.js';
import type { UpstreamSubgraph } from './upstream-subgraph.js';

const RANK: Record<Certainty, number> = { no: 0, possible: 1, yes: 2 };
const NOTHING: ShareRange = { min: 0, max: 0, minExclusive: false, point: 0 };

export function applyFiftyPercentRule(
  graph: UpstreamSubgraph,
  listed: readonly boolean[],
  thresholdPct: number,
): FiftyPercentRuleResult {
  if (!listed.some((isListed, node) => isListed && node !== 0)) {
    return { applies: 'no', aggregate: NOTHING, heldVia: [] };
  }
  const blocked: Certainty[] = listed.map((isListed) => (isListed ? 'yes' : 'no'));
  // Statuses only ever rise, so repeating until nothing changes terminates, cycles included.
  for (let changed = true; changed;) {
    changed = false;
    for (let node = graph.ids.length - 1; node > 0; node--) {
      const status = judge(node).applies;
      if (RANK[status] > RANK[blocked[node]]) {
        blocked[node] = status;
        changed = true;
      }
    }
  }
  return judge(0);

  function judge(node: number): FiftyPercentRuleResult {
    let aggregate = NOTHING;
    const heldVia: FiftyPercentRuleResult['heldVia'] = [];
    for (const { owner, edge } of graph.owners[node]) {
      if (edge.controlOnly || blocked[owner] === 'no') continue;
      // An owner the rule only possibly blocks adds to the upper bound alone.
      const counted: ShareRange =
        blocked[owner] === 'yes'
          ? edge.share
          : { min: 0, max: edge.share.max, minExclusive: false, point: null };
      aggregate = addShares(aggregate, counted);
      heldVia.push({
        entityId: graph.ids[owner],
        share: edge.share,
        blocked: blocked[owner],
        listed: listed[owner],
      });
    }
    return { applies: reaches(aggregate, thresholdPct), aggregate, heldVia };
  }
}
