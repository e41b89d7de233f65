// Findings about items the data cannot place: no known manufacturer (with the declared country of origin
// as the only lead), and a declared manufacturer the data contradicts or does not know.
import type { Confidence, Finding } from '../../../../../libs/contracts/src/index.js';
import { normaliseOwnerName } from '../../../../../libs/domain/src/ownership/index.js';
import { strongest } from '../findings.js';
import { intelligenceLawFinding, sanctionsFinding } from '../jurisdiction/jurisdiction-findings.js';
import type { JurisdictionProfiles } from '../reference/jurisdiction-profiles.js';
import { equipmentCategory } from './covered-equipment.js';
import type { DeclaredItem } from './declared-items.js';
import { country, itemEvidence, linkOf, RELATION_TEXT } from './item-evidence.js';
import type { ItemResolution } from './maker-resolution.js';
import type { ProductContext } from './product-findings.js';

/** Items nobody in the data makes, and declared manufacturers the data contradicts or cannot find. */
export function resolutionFindings(
  resolutions: readonly ItemResolution[],
  profiles: JurisdictionProfiles,
  context: ProductContext,
): Finding[] {
  const findings = new Map<string, Finding>();
  for (const resolution of resolutions) {
    const { item } = resolution;
    const itemKey = normaliseOwnerName(item.brand) || item.declaredAt;
    if (resolution.makers.length === 0) {
      const missing = missingMaker(resolution, itemKey);
      findings.set(missing.key, missing);
      for (const finding of originFindings(item, itemKey, profiles, context))
        findings.set(finding.key, finding);
    }
    if (resolution.unconfirmed) {
      const finding = unconfirmedManufacturer(resolution, itemKey);
      findings.set(finding.key, finding);
    }
  }
  return [...findings.values()];
}

function missingMaker({ item, inactive }: ItemResolution, itemKey: string): Finding {
  const formerly = inactive.map(({ relation, manufacturer }) => {
    const period = [
      relation.validFrom && `from ${relation.validFrom}`,
      relation.validTo && `until ${relation.validTo}`,
    ];
    return `${manufacturer?.name ?? relation.manufacturerExternalId} (${RELATION_TEXT[relation.relation] ?? relation.relation} ${period.filter(Boolean).join(' ')})`;
  });
  const declared = item.declaredManufacturer
    ? ` and its declared manufacturer ${item.declaredManufacturer}`
    : '';
  const subjectText =
    item.kind === 'product'
      ? `Brand ${item.brand} (${item.label})${declared}`
      : item.brand
        ? `Component maker ${item.brand} (${item.label})`
        : `The maker of the ${item.label}`;
  const known =
    formerly.length > 0
      ? ` The data links it to a manufacturer only at other dates: ${formerly.join('; ')}.`
      : '';
  return {
    key: `product:MISSING_INFORMATION:${item.kind}:${itemKey}`,
    check: 'product',
    code: 'MISSING_INFORMATION',
    subject: { role: item.kind === 'product' ? 'brand' : 'component', name: item.brand || item.label },
    summary: `${subjectText}: not in the reference data, so who makes it is unknown.${known}`,
    evidence: [
      {
        kind: 'declaration',
        path: [item.label],
        detail: {
          declaredAt: item.declaredAt,
          brand: item.brand,
          declaredManufacturer: item.declaredManufacturer,
          countryOfOrigin: item.countryOfOrigin,
          inactiveBrandRelations: inactive.map(({ relation }) => ({ ...relation })),
        },
      },
    ],
    attributes: {},
  };
}

/** With no manufacturer known, the declared country of origin is the only lead, at low confidence. */
function originFindings(
  item: DeclaredItem,
  itemKey: string,
  profiles: JurisdictionProfiles,
  context: ProductContext,
): Finding[] {
  if (item.kind !== 'product' || !item.countryOfOrigin) return [];
  const origin = item.countryOfOrigin;
  const party = {
    check: 'product' as const,
    subject: {
      role: 'manufacturer' as const,
      name: item.declaredManufacturer ?? `maker of ${item.brand}`,
      country: origin,
    },
    lead: `${item.label} is declared as made in ${origin} by a manufacturer the reference data does not know`,
    evidence: [
      {
        kind: 'declaration' as const,
        path: [item.label, origin],
        detail: { declaredAt: item.declaredAt, countryOfOrigin: origin },
      },
    ],
    attributes: {
      equipmentCategory: equipmentCategory('product', context.intendedUse, null),
      confidence: 'low' as Confidence,
      basis: 'country of origin',
    },
  };
  const findings: Finding[] = [];
  const law = profiles.intelligence(origin);
  if (law)
    findings.push(
      intelligenceLawFinding(
        { ...party, key: `product:INTELLIGENCE_LAW_JURISDICTION:origin:${itemKey}:${origin}` },
        law,
      ),
    );
  const regime = profiles.sanctions(origin);
  if (regime)
    findings.push(
      sanctionsFinding(
        { ...party, key: `product:SANCTIONS_JURISDICTION:origin:${itemKey}:${origin}` },
        regime,
      ),
    );
  return findings;
}

function unconfirmedManufacturer({ item, makers, unconfirmed }: ItemResolution, itemKey: string): Finding {
  const { name, resolved } = unconfirmed!;
  const recorded = makers
    .filter((m) => m.link.via === 'brand' || m.link.named !== 'declared manufacturer')
    .map((m) => `${m.manufacturer.name}${country(m.manufacturer)} (${linkOf(m.link).text})`);
  const unknown = resolved ? '' : ` does not know ${name} and`;
  return {
    key: `product:UNVERIFIED_DECLARATION:${itemKey}:${normaliseOwnerName(name)}`,
    check: 'product',
    code: 'UNVERIFIED_DECLARATION',
    subject: { role: 'manufacturer', name },
    summary: `${item.label} is declared as made by ${name}, but the reference data${unknown} records it as made by ${recorded.join(', ')}.`,
    evidence: makers.map((maker) => itemEvidence(maker, null, null)),
    attributes: { confidence: strongest(...makers.map((m) => linkOf(m.link).confidence)) },
  };
}
