// The jurisdiction check: the countries the supplier is incorporated and operates in, and those of its
// owners up the chain (registry and declaration), against the jurisdiction profiles. Manufacturers'
// countries are judged by the product check, which knows which products they stand behind; sub-contractors'
// by the sub-contractor check.
import type { Evidence, Finding, RunCheckInput } from '../../../../../libs/contracts/src/index.js';
import {
  OwnershipNames,
  pathEvidence,
  shareDetail,
} from '../../../../../libs/domain/src/ownership/evidence-paths.js';
import {
  formatShare,
  type EffectiveOwner,
  type OwnershipAnalysis,
} from '../../../../../libs/domain/src/ownership/index.js';
import type { Attributes } from '../findings.js';
import {
  DECLARATION_SOURCE,
  declaredOwnerEntries,
  ownershipPicture,
  type OwnershipPicture,
} from '../ownership/ownership-picture.js';
import type { JurisdictionProfiles } from '../reference/jurisdiction-profiles.js';
import type { ReferenceReader } from '../reference/reference-reader.js';
import {
  intelligenceLawFinding,
  sanctionsFinding,
  type PartyInJurisdiction,
} from './jurisdiction-findings.js';

/** A party and the one country this finding is about; the key part names the party and how it is linked. */
interface LinkedParty extends Omit<PartyInJurisdiction, 'check' | 'key' | 'code'> {
  keyPart: string;
  country: string;
}

export class JurisdictionCheckService {
  async run(input: RunCheckInput, reader: ReferenceReader): Promise<Finding[]> {
    const [picture, profiles] = await Promise.all([
      ownershipPicture(reader, input.supplier, declaredOwnerEntries(input.declaration)),
      reader.jurisdictions(),
    ]);
    const declaredExposure = input.declaration.foreignIntelligenceLawExposure;
    const parties = [
      ...supplierCountries(input, picture),
      ...ownerCountries(picture.combined, input.supplier.name, profiles),
    ];
    return parties.flatMap((party) => {
      const findings: Finding[] = [];
      const intelligence = profiles.intelligence(party.country);
      if (intelligence) {
        const attributes = { ...party.attributes, declaredExposure };
        findings.push(
          intelligenceLawFinding(
            {
              ...party,
              attributes,
              check: 'jurisdiction',
              key: keyOf('INTELLIGENCE_LAW_JURISDICTION', party),
            },
            intelligence,
          ),
        );
      }
      const sanctions = profiles.sanctions(party.country);
      if (sanctions) {
        findings.push(
          sanctionsFinding(
            { ...party, check: 'jurisdiction', key: keyOf('SANCTIONS_JURISDICTION', party) },
            sanctions,
          ),
        );
      }
      return findings;
    });
  }
}

function keyOf(code: string, party: LinkedParty): string {
  return `jurisdiction:${code}:${party.keyPart}:${party.country}`;
}

function supplierCountries(input: RunCheckInput, picture: OwnershipPicture): LinkedParty[] {
  const { supplier, declaration } = input;
  const subject = (country: string) => ({ role: 'supplier' as const, name: supplier.name, country });
  const registered = picture.resolved?.entity;
  const incorporation = new Map<string, Evidence>();
  incorporation.set(supplier.country.toUpperCase(), {
    kind: 'declaration',
    path: [supplier.name],
    detail: { country: supplier.country, basis: 'incorporation, as given when the screening started' },
  });
  if (registered?.country && !incorporation.has(registered.country)) {
    incorporation.set(registered.country, {
      kind: 'entity',
      path: [supplier.name, registered.name],
      entityId: registered.externalId,
      source: registered.source,
      confidence: registered.confidence,
      detail: { country: registered.country, basis: 'incorporation, as the registry records it' },
    });
  }
  const parties: LinkedParty[] = [...incorporation].map(([country, evidence]) => ({
    keyPart: 'supplier:incorporation',
    country,
    subject: subject(country),
    lead: `${supplier.name} is incorporated in ${country}`,
    evidence: [evidence],
    attributes: {
      basis: 'incorporation',
      ...(evidence.confidence ? { confidence: evidence.confidence } : {}),
    },
  }));
  const operations = new Set(declaration.countriesOfOperation.map((country) => country.toUpperCase()));
  for (const country of operations) {
    if (incorporation.has(country)) continue;
    parties.push({
      keyPart: 'supplier:operation',
      country,
      subject: subject(country),
      lead: `${supplier.name} operates in ${country}`,
      evidence: [
        {
          kind: 'declaration',
          path: [supplier.name, country],
          detail: { countriesOfOperation: [...operations] },
        },
      ],
      attributes: { basis: 'operation' },
    });
  }
  return parties;
}

/**
 * Owners in a country of concern, nearest first: when CETHIK, CETC and SASAC all sit in CN, the owner
 * nearest the supplier carries the link and the ones above it appear in its evidence.
 */
function ownerCountries(
  analysis: OwnershipAnalysis,
  subjectName: string,
  profiles: JurisdictionProfiles,
): LinkedParty[] {
  const countryOf = new Map(
    analysis.owners.map((owner) => [owner.entityId, owner.entity?.country?.toUpperCase()]),
  );
  const names = new OwnershipNames(analysis, subjectName);
  return analysis.owners.flatMap((owner): LinkedParty[] => {
    const country = countryOf.get(owner.entityId);
    if (!country || (!profiles.intelligence(country) && !profiles.sanctions(country))) return [];
    const nearest = owner.paths.some((path) =>
      path.edges.slice(0, -1).every((edge) => countryOf.get(edge.ownerId) !== country),
    );
    if (!nearest) return [];
    const declared = owner.paths.every((path) =>
      path.edges.some((edge) => edge.source === DECLARATION_SOURCE),
    );
    return [
      {
        keyPart: `owner:${owner.entityId}`,
        country,
        subject: { role: 'owner', name: owner.name, country },
        lead: `${owner.name}, which holds ${shareText(owner)} of ${subjectName} ${reach(owner)}${declared ? ' as declared' : ''}, is in ${country}`,
        evidence: owner.paths.map((path) => pathEvidence(names, path, { entityId: owner.entityId })),
        attributes: ownerAttributes(owner),
      },
    ];
  });
}

function ownerAttributes(owner: EffectiveOwner): Attributes {
  return {
    ...shareDetail(owner.share),
    state: owner.state,
    depth: owner.depth,
    confidence: owner.paths[0]?.confidence,
    ...(owner.controlOnly ? { controlOnly: true } : {}),
    ...(owner.shareUnknown ? { shareUnknown: true } : {}),
  };
}

function shareText(owner: EffectiveOwner): string {
  if (owner.controlOnly && owner.share.min === 0) return `control and up to ${owner.share.max}%`;
  return formatShare(owner.share);
}

function reach(owner: EffectiveOwner): string {
  return owner.depth === 1 ? 'directly' : `through ${owner.depth} levels`;
}
