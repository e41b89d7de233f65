// How a declared item links to its manufacturer, as text and as evidence: the start of every product
// finding's path ("HiLook IPC-B140H → Hangzhou Hikvision (CN, own brand, high, source) → ...").
import type { Confidence, Evidence, RefEntity } from '../../../../../libs/contracts/src/index.js';
import { edgeDetail, type OwnershipNames } from '../../../../../libs/domain/src/ownership/evidence-paths.js';
import type { Controller } from '../exposure/company-exposure.js';
import { weakest } from '../findings.js';
import type { ItemMaker, MakerLink } from './maker-resolution.js';

export const RELATION_TEXT: Record<string, string> = {
  own_brand: 'own brand',
  oem: 'OEM brand',
  white_label: 'white-label brand',
  former_subsidiary: 'subsidiary’s brand',
  component_maker: 'subsidiary component maker',
};

export function country(entity: RefEntity): string {
  return entity.country ? ` (${entity.country})` : '';
}

export function linkOf(link: MakerLink): { text: string; confidence: Confidence; source: string } {
  if (link.via === 'brand') {
    return {
      text: RELATION_TEXT[link.relation.relation] ?? link.relation.relation,
      confidence: link.relation.confidence,
      source: link.relation.source,
    };
  }
  return {
    text: `${link.named} matched by ${link.resolved.by}`,
    confidence: link.resolved.by === 'identifier' ? 'high' : 'medium',
    source: link.resolved.entity.source,
  };
}

/** The item, the link to its manufacturer, then (when given) the ownership chain up to `chain`'s owner. */
export function itemEvidence(
  maker: ItemMaker,
  names: OwnershipNames | null,
  chain: Controller | null,
): Evidence {
  const { item, manufacturer, link } = maker;
  const { text, confidence, source } = linkOf(link);
  const edges = chain?.path.edges ?? [];
  const makerLabel = `${manufacturer.name} (${[manufacturer.country, text, confidence, source].filter(Boolean).join(', ')})`;
  return {
    kind: 'brand',
    path: [item.label, makerLabel, ...(names && edges.length > 0 ? names.labels(edges).slice(1) : [])],
    entityId: manufacturer.externalId,
    source,
    confidence: weakest(confidence, chain?.path.confidence),
    detail: {
      declaredAt: item.declaredAt,
      brand: item.brand,
      relation: link.via === 'brand' ? link.relation.relation : link.named,
      ...(link.via === 'brand'
        ? { validFrom: link.relation.validFrom ?? null, validTo: link.relation.validTo ?? null }
        : { matchedBy: link.resolved.by, matched: link.resolved.matched }),
      manufacturer: manufacturer.name,
      manufacturerCountry: manufacturer.country,
      ...(names && edges.length > 0 ? { ownership: edges.map((edge) => edgeDetail(names, edge)) } : {}),
    },
  };
}
