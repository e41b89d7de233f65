// Findings about one declared sub-contractor or associated person (Procurement Act s26, s28): screened like
// the supplier for lists, the jurisdictions of it and its controllers, and state control. Every finding is
// SUBCONTRACTOR_RISK and marked associatedPersonOnly, because the supplier may replace the party (s26(3)).
import type {
  DeclaredSubcontractor,
  Evidence,
  Finding,
  RefEntity,
} from '../../../../../libs/contracts/src/index.js';
import {
  OwnershipNames,
  pathEvidence,
  shareDetail,
} from '../../../../../libs/domain/src/ownership/evidence-paths.js';
import {
  formatShare,
  OwnershipGraph,
  resolveOwners,
  type OwnershipAnalysis,
} from '../../../../../libs/domain/src/ownership/index.js';
import { companyExposure, type Controller } from '../exposure/company-exposure.js';
import { declaredPartyKey, type Attributes } from '../findings.js';
import { intelligenceLawFinding, sanctionsFinding } from '../jurisdiction/jurisdiction-findings.js';
import type { JurisdictionProfiles } from '../reference/jurisdiction-profiles.js';
import type { ResolvedParty } from '../reference/reference-reader.js';

const CODE = 'SUBCONTRACTOR_RISK';

export function subcontractorFindings(
  declared: DeclaredSubcontractor,
  resolved: ResolvedParty | null,
  analysis: OwnershipAnalysis | null,
  profiles: JurisdictionProfiles,
): Finding[] {
  const keyOf = (concern: string) => `subcontractor:${CODE}:${declaredPartyKey(declared)}:${concern}`;
  const subject = { role: 'subcontractor' as const, name: declared.name, country: declared.country };
  const who = `Sub-contractor ${declared.name}${declared.role ? ` (${declared.role})` : ''}`;
  const matchEvidence: Evidence[] = resolved ? [resolutionEvidence(declared, resolved)] : [];
  const base: Attributes = {
    associatedPersonOnly: true,
    ...(resolved ? { confidence: resolved.by === 'identifier' ? resolved.entity.confidence : 'medium' } : {}),
  };
  // The registry's country where it has one, else the declared one.
  const entity: RefEntity = resolved
    ? { ...resolved.entity, country: resolved.entity.country ?? declared.country?.toUpperCase() ?? null }
    : declaredEntity(declared);
  const exposure = companyExposure(entity, analysis ?? unownedAnalysis(entity), profiles);
  const names = analysis ? new OwnershipNames(analysis, declared.name) : null;
  const viaText = (via: Controller | null) =>
    via ? `, controlled by ${via.owner.name} (${formatShare(via.owner.share)}),` : '';
  const viaEvidence = (via: Controller | null): Evidence[] =>
    via && names ? [pathEvidence(names, via.path, { entityId: via.owner.entityId })] : [];
  const viaAttributes = (via: Controller | null): Attributes =>
    via ? { ...shareDetail(via.owner.share), controllerId: via.owner.entityId } : {};
  const findings: Finding[] = [];

  if (exposure.listed) {
    const { entity: listed, via } = exposure.listed;
    const lists = listed.lists.map((list) => list.listId).join(', ') || listed.topics.join(', ');
    findings.push({
      key: keyOf(`listed:${listed.externalId}`),
      check: 'subcontractor',
      code: CODE,
      subject,
      summary: via
        ? `${who} is controlled by ${listed.name} (${formatShare(via.owner.share)}), listed on ${lists}.`
        : `${who} matches ${listed.name}${listed.country ? ` (${listed.country})` : ''}, listed on ${lists}.`,
      evidence: [...matchEvidence, ...viaEvidence(via), ...listEvidence(listed)],
      attributes: {
        ...base,
        ...viaAttributes(via),
        listIds: [...new Set(listed.lists.map((list) => list.listId))],
        topics: listed.topics,
      },
    });
  }

  if (exposure.intelligence) {
    const { exposure: law, via } = exposure.intelligence;
    findings.push(
      intelligenceLawFinding(
        {
          check: 'subcontractor',
          code: CODE,
          key: keyOf(`intelligence-law:${law.jurisdiction}`),
          subject,
          lead: `${who}${viaText(via)} is linked to ${law.jurisdiction}`,
          evidence: [...matchEvidence, ...viaEvidence(via)],
          attributes: { ...base, ...viaAttributes(via) },
        },
        law,
      ),
    );
  }

  if (exposure.sanctions) {
    const { exposure: regime, via } = exposure.sanctions;
    findings.push(
      sanctionsFinding(
        {
          check: 'subcontractor',
          code: CODE,
          key: keyOf(`sanctions:${regime.jurisdiction}`),
          subject,
          lead: `${who}${viaText(via)} is linked to ${regime.jurisdiction}`,
          evidence: [...matchEvidence, ...viaEvidence(via)],
          attributes: { ...base, ...viaAttributes(via) },
        },
        regime,
      ),
    );
  }

  if (exposure.stateControlled) {
    const { via } = exposure.stateControlled;
    findings.push({
      key: keyOf('state-control'),
      check: 'subcontractor',
      code: CODE,
      subject,
      summary: via
        ? `${who} is controlled by the state: ${via.owner.name} holds ${formatShare(via.owner.share)}.`
        : `${who} is itself a state body or state-owned enterprise.`,
      evidence: [...matchEvidence, ...viaEvidence(via)],
      attributes: { ...base, ...viaAttributes(via), state: true },
    });
  }
  return findings;
}

function resolutionEvidence(declared: DeclaredSubcontractor, resolved: ResolvedParty): Evidence {
  return {
    kind: 'match',
    path: [declared.name, resolved.entity.name],
    entityId: resolved.entity.externalId,
    source: resolved.entity.source,
    confidence: resolved.by === 'identifier' ? 'high' : 'medium',
    detail: { by: resolved.by, matched: resolved.matched, country: resolved.entity.country },
  };
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

/** A sub-contractor the data does not know is judged on what was declared about it: its country. */
function declaredEntity(declared: DeclaredSubcontractor): RefEntity {
  return {
    externalId: `declaration:subcontractor:${declaredPartyKey(declared)}`,
    kind: 'company',
    name: declared.name,
    aliases: [],
    country: declared.country?.toUpperCase() ?? null,
    identifiers: declared.identifiers ?? [],
    topics: [],
    lists: [],
    source: "supplier's declaration",
    confidence: 'medium',
  };
}

function unownedAnalysis(entity: RefEntity): OwnershipAnalysis {
  return resolveOwners(OwnershipGraph.build([entity], [], { asOf: '1970-01-01' }), entity.externalId);
}
