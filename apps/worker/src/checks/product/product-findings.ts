// Findings about what the supplier will deliver. One finding per manufacturer and concern (all the items
// it makes are listed in it), each with an evidence path a reviewer can follow from the item to the
// company of concern: "HiLook IPC-B140H → Hangzhou Hikvision (CN; own brand, high) → CETHIK (38.88%, low) →
// CETC → SASAC".
import type { Evidence, Finding, RefEntity } from '../../../../../libs/contracts/src/index.js';
import { OwnershipNames, shareDetail } from '../../../../../libs/domain/src/ownership/evidence-paths.js';
import { formatShare, normaliseOwnerName } from '../../../../../libs/domain/src/ownership/index.js';
import type { CompanyExposure, Controller } from '../exposure/company-exposure.js';
import type { Attributes } from '../findings.js';
import { strongest, weakest } from '../findings.js';
import { intelligenceLawFinding, sanctionsFinding } from '../jurisdiction/jurisdiction-findings.js';
import { equipmentCategory } from './covered-equipment.js';
import type { DeclaredItem } from './declared-items.js';
import { country, itemEvidence, linkOf, RELATION_TEXT } from './item-evidence.js';
import type { ItemMaker, ItemResolution } from './maker-resolution.js';

export interface ProductContext {
  intendedUse: string | null;
}

/** The items one manufacturer stands behind, products and components apart (their categories differ). */
export interface MakerGroup {
  manufacturer: RefEntity;
  kind: DeclaredItem['kind'];
  makers: ItemMaker[];
}

export function manufacturerFindings(
  group: MakerGroup,
  exposure: CompanyExposure,
  context: ProductContext,
): Finding[] {
  const { manufacturer: maker, kind } = group;
  const names = new OwnershipNames(exposure.analysis, maker.name);
  const role = kind === 'product' ? ('manufacturer' as const) : ('component' as const);
  const subject = { role, name: maker.name, ...(maker.country ? { country: maker.country } : {}) };
  const category = equipmentCategory(kind, context.intendedUse, exposure.covered?.listing ?? null);
  const linkConfidence = strongest(...group.makers.map((m) => linkOf(m.link).confidence));
  const made = `${itemsText(group.makers)} ${group.makers.length > 1 ? 'are' : 'is'} made by ${maker.name}`;
  const key = (code: string) => `product:${code}:${maker.externalId}:${kind}`;
  /** Evidence for every item, continuing up the chain that explains the concern. */
  const evidence = (via: Controller | null) =>
    group.makers.map((m) => itemEvidence(m, names, via ?? exposure.stateChain));
  const base = (via: Controller | null): Attributes => ({
    equipmentCategory: category,
    confidence: weakest(linkConfidence, via?.path.confidence),
    ...(via ? { ...shareDetail(via.owner.share), controllerId: via.owner.entityId } : {}),
    ...(exposure.stateChain ? { state: true, stateOwner: exposure.stateChain.owner.name } : {}),
  });
  const controlled = (via: Controller) =>
    `, controlled by ${via.owner.name} (${formatShare(via.owner.share)})`;
  const findings: Finding[] = [];

  if (exposure.intelligence) {
    const { exposure: law, via } = exposure.intelligence;
    findings.push(
      intelligenceLawFinding(
        {
          check: 'product',
          key: key('INTELLIGENCE_LAW_JURISDICTION'),
          subject,
          lead: via
            ? `${made}${controlled(via)}; ${via.owner.name} is in ${law.jurisdiction}`
            : `${made}, which is in ${law.jurisdiction}`,
          after: stateNote(exposure),
          evidence: evidence(via),
          attributes: base(via),
        },
        law,
      ),
    );
  }

  if (exposure.covered) {
    const { listing, entity: listedEntity, via } = exposure.covered;
    const company = listing.coveredCompany ? ` (${listing.coveredCompany})` : '';
    const affiliate = via
      ? `, a subsidiary or affiliate of ${listedEntity.name} (${formatShare(via.owner.share)})`
      : '';
    findings.push({
      key: key('COVERED_EQUIPMENT'),
      check: 'product',
      code: 'COVERED_EQUIPMENT',
      subject,
      summary:
        `${made}${affiliate}; ${listedEntity.name}${company} is named in NDAA FY2019 section 889 ` +
        `(${listing.categories.map((c) => c.replace('_', ' ')).join(' and ')} equipment), so this counts as ${category.replace('_', ' ')} equipment.`,
      evidence: [...evidence(via), ...listEvidence(listedEntity)],
      attributes: {
        ...base(via),
        ...(listing.coveredCompany ? { coveredCompany: listing.coveredCompany } : {}),
        coveredCategories: listing.categories,
        listIds: [...new Set(listedEntity.lists.map((list) => list.listId))],
        topics: listedEntity.topics,
      },
    });
  }

  // A section 889 listing already carries the company's other list entries in its evidence.
  if (exposure.listed && exposure.listed.entity.externalId !== exposure.covered?.entity.externalId) {
    const { entity: listedEntity, via } = exposure.listed;
    const debarred = listedEntity.topics.includes('debarment');
    const lists = listedEntity.lists.map((list) => list.listId).join(', ') || listedEntity.topics.join(', ');
    const code = debarred ? 'DEBARRED' : 'WATCHLIST_MATCH';
    findings.push({
      key: key(code),
      check: 'product',
      code,
      subject,
      summary: `${made}${via ? controlled(via) : ''}; ${listedEntity.name} is listed (${lists}).`,
      evidence: [...evidence(via), ...listEvidence(listedEntity)],
      attributes: {
        ...base(via),
        listIds: [...new Set(listedEntity.lists.map((list) => list.listId))],
        topics: listedEntity.topics,
      },
    });
  }

  if (exposure.stateControlled) {
    const { via } = exposure.stateControlled;
    findings.push({
      key: key('STATE_OWNERSHIP'),
      check: 'product',
      code: 'STATE_OWNERSHIP',
      subject,
      summary: via
        ? `${made}, which the state controls: ${via.owner.name} holds ${formatShare(via.owner.share)}.`
        : `${made}, itself a state body or state-owned enterprise.`,
      evidence: evidence(via),
      attributes: { ...base(via), state: true },
    });
  }

  if (exposure.sanctions) {
    const { exposure: regime, via } = exposure.sanctions;
    findings.push(
      sanctionsFinding(
        {
          check: 'product',
          key: key('SANCTIONS_JURISDICTION'),
          subject,
          lead: via
            ? `${made}${controlled(via)}; ${via.owner.name} is in ${regime.jurisdiction}`
            : `${made}, which is in ${regime.jurisdiction}`,
          evidence: evidence(via),
          attributes: base(via),
        },
        regime,
      ),
    );
  }
  return findings;
}

/** White-label and OEM brands hide the real manufacturer from the buyer (UK-SCC, FAR 52.204-24(e)). */
export function whiteLabelFindings(resolutions: readonly ItemResolution[]): Finding[] {
  const findings = new Map<string, Finding>();
  for (const { makers } of resolutions) {
    for (const maker of makers) {
      const { link, manufacturer, item } = maker;
      if (link.via !== 'brand' || !['white_label', 'oem'].includes(link.relation.relation)) continue;
      const relation = RELATION_TEXT[link.relation.relation];
      const key = `product:WHITE_LABEL_PRODUCT:${normaliseOwnerName(item.brand)}:${manufacturer.externalId}`;
      findings.set(key, {
        key,
        check: 'product',
        code: 'WHITE_LABEL_PRODUCT',
        subject: { role: 'brand', name: item.brand },
        summary:
          `${item.brand} is a ${relation} of ${manufacturer.name}${country(manufacturer)} ` +
          `(${link.relation.confidence} confidence): the label does not name the real manufacturer.`,
        evidence: [itemEvidence(maker, null, null)],
        attributes: { relation: link.relation.relation, confidence: link.relation.confidence },
      });
    }
  }
  return [...findings.values()];
}

function itemsText(makers: readonly ItemMaker[]): string {
  const labels = [...new Set(makers.map((m) => `${m.item.label} (${linkOf(m.link).text})`))];
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

function stateNote(exposure: CompanyExposure): string {
  const top = exposure.stateChain?.owner;
  return top ? `; a state owner, ${top.name}, is in its ownership chain` : '';
}

function listEvidence(entity: RefEntity): Evidence[] {
  return entity.lists.map((membership) => ({
    kind: 'list' as const,
    path: [entity.name, membership.listId],
    entityId: entity.externalId,
    listId: membership.listId,
    ...(membership.sourceUrl ? { source: membership.sourceUrl } : {}),
    detail: { since: membership.since ?? null, note: membership.note ?? null },
  }));
}
