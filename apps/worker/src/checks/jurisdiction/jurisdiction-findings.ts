// Findings for a party linked to a country whose laws compel intelligence cooperation, or that is under a
// sanctions regime. Shared by the jurisdiction, product and sub-contractor checks, which differ only in
// who the party is and how it is linked to the supplier.
import type { CheckName, Evidence, Finding } from '../../../../../libs/contracts/src/index.js';
import type { Attributes } from '../findings.js';
import { weakest } from '../findings.js';
import type {
  IntelligenceExposure,
  IntelligenceLaw,
  SanctionsExposure,
} from '../reference/jurisdiction-profiles.js';

export interface PartyInJurisdiction {
  check: CheckName;
  key: string;
  /** Defaults to the jurisdiction factor; sub-contractor findings use SUBCONTRACTOR_RISK. */
  code?: string;
  subject: Finding['subject'];
  /** The sentence so far, naming the party and its link: "Acme Ltd operates in CN". */
  lead: string;
  /** Said after the law: "; the state is among its owners". */
  after?: string;
  /** How the party is linked to the supplier (ownership paths, brand links), shown before the profile. */
  evidence: Evidence[];
  attributes: Attributes;
}

export function intelligenceLawFinding(party: PartyInJurisdiction, exposure: IntelligenceExposure): Finding {
  const laws = exposure.laws.map(describeLaw).join('; ');
  const clause = exposure.lawsOf
    ? `; whether the laws of ${exposure.lawsOf} that compel cooperation with intelligence services (${laws}) reach ${exposure.jurisdiction} entities is the policy's choice`
    : `, whose laws compel cooperation with intelligence services (${laws})`;
  return {
    key: party.key,
    check: party.check,
    code: party.code ?? 'INTELLIGENCE_LAW_JURISDICTION',
    subject: party.subject,
    summary: `${party.lead}${clause}${party.after ?? ''}.`,
    evidence: [
      ...party.evidence,
      {
        kind: 'jurisdiction',
        path: [party.subject.name, exposure.jurisdiction],
        source: exposure.source,
        confidence: exposure.confidence,
        detail: {
          country: exposure.jurisdiction,
          ...(exposure.lawsOf ? { lawsOf: exposure.lawsOf, policyDecides: true } : {}),
          laws: exposure.laws.map((law) => ({ ...law })),
        },
      },
    ],
    attributes: {
      ...party.attributes,
      jurisdiction: exposure.jurisdiction,
      laws: exposure.laws.map((law) => law.id),
      ...(exposure.lawsOf ? { lawsOf: exposure.lawsOf } : {}),
      confidence: weakest(party.attributes.confidence, exposure.confidence),
    },
  };
}

export function sanctionsFinding(party: PartyInJurisdiction, exposure: SanctionsExposure): Finding {
  const regimes = exposure.regimes.map((regime) => regime.title).join('; ');
  return {
    key: party.key,
    check: party.check,
    code: party.code ?? 'SANCTIONS_JURISDICTION',
    subject: party.subject,
    summary: `${party.lead}, a country under sanctions (${regimes}).`,
    evidence: [
      ...party.evidence,
      {
        kind: 'jurisdiction',
        path: [party.subject.name, exposure.jurisdiction],
        source: exposure.source,
        confidence: exposure.confidence,
        detail: { country: exposure.jurisdiction, sanctionsRegimes: exposure.regimes.map((r) => ({ ...r })) },
      },
    ],
    attributes: {
      ...party.attributes,
      jurisdiction: exposure.jurisdiction,
      sanctionsRegimes: exposure.regimes.map((regime) => regime.id),
      confidence: weakest(party.attributes.confidence, exposure.confidence),
    },
  };
}

function describeLaw(law: IntelligenceLaw): string {
  return law.articles?.length ? `${law.id} art. ${law.articles.join(', ')}` : law.id;
}
