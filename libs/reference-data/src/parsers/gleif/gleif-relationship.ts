// A GLEIF Level 2 relationship record → parent relation: the child LEI (start node) is consolidated by the
// parent LEI (end node). Consolidation means control, not a known share, so the relation is control-only.
import type { Confidence } from '../../../../contracts/src/index.js';
import type { ImportRecord } from '../import-record.js';
import type { RecordContext } from '../record-pipeline.js';

export interface GleifRelationship {
  childLei: string;
  parentLei: string;
  relationshipType: string;
  status?: string;
  startDate?: string;
  endDate?: string;
}

export interface GleifDefaults {
  source?: string;
  confidence: Confidence;
}

/** Direct parent vs ultimate parent; other Level 2 types (branches, funds) carry no ownership. */
const CONSOLIDATION_TYPES: Readonly<Record<string, boolean>> = {
  IS_DIRECTLY_CONSOLIDATED_BY: true,
  IS_ULTIMATELY_CONSOLIDATED_BY: false,
};

/** Relations reference entities as "LEI:<code>"; the writer resolves them through LEI identifiers. */
export function leiExternalId(lei: string): string {
  return `LEI:${lei}`;
}

export function gleifParentRelation(
  relationship: GleifRelationship,
  context: RecordContext,
  defaults: GleifDefaults,
): ImportRecord[] {
  const direct = CONSOLIDATION_TYPES[relationship.relationshipType];
  if (direct === undefined) {
    context.ignore(`relationship type ${relationship.relationshipType}`);
    return [];
  }
  // An inactive relationship has ended (or was never valid): it says nothing about today's parent.
  if (relationship.status === 'INACTIVE') {
    context.ignore('inactive relationship');
    return [];
  }
  const { childLei, parentLei } = relationship;
  return [
    {
      type: 'ownership',
      op: 'upsert',
      value: {
        externalId: `GLEIF-RR:${childLei}:${direct ? 'DIRECT' : 'ULTIMATE'}:${parentLei}`,
        ownerExternalId: leiExternalId(parentLei),
        ownedExternalId: leiExternalId(childLei),
        direct,
        controlOnly: true,
        kind: 'parent',
        startDate: relationship.startDate ?? null,
        endDate: relationship.endDate ?? null,
        source: defaults.source ?? `https://search.gleif.org/#/record/${childLei}`,
        confidence: defaults.confidence,
      },
    },
  ];
}
