// Findings from an ownership analysis: state owners, listed owners (and the US 50 % rule), and the gaps
// between declaration and registry. Each finding says in one sentence what was found and carries the
// paths behind it; its key is stable across re-screenings so a reviewer's dismissal keeps holding.
import type {
  DeclaredOwner,
  Evidence,
  Finding,
  FindingAttributes,
  SubjectRole,
} from '../../../contracts/src/index.js';
import type { OwnershipDiscrepancies, UndeclaredOwner } from './discrepancies.js';
import { edgeShareText, OwnershipNames, pathEvidence, shareDetail } from './evidence-paths.js';
import type {
  EffectiveOwner,
  OwnershipAnalysis,
  OwnershipEdge,
  OwnershipPath,
} from './ownership-analysis.js';
import { normaliseOwnerName } from './owner-name-comparison.js';
import { formatShare, type ShareRange } from './share-range.js';

export interface OwnershipFindingOptions {
  /** Set when one screening analyses several subjects (supplier, manufacturer), to keep keys apart. */
  scope?: string;
  /** The name the subject goes by in the screening; defaults to the registry name. */
  subjectName?: string;
  subjectRole?: SubjectRole;
}

type Attributes = FindingAttributes & Record<string, unknown>;

export function ownershipFindings(
  analysis: OwnershipAnalysis,
  discrepancies?: OwnershipDiscrepancies,
  options: OwnershipFindingOptions = {},
): Finding[] {
  const context = new FindingContext(analysis, options);
  const declaredCount = discrepancies?.declaredCount ?? 0;
  return [
    ...nearestStateOwners(analysis).map((owner) => context.stateOwnership(owner)),
    ...analysis.owners.filter((owner) => owner.listed).map((owner) => context.listedOwner(owner)),
    ...(analysis.usFiftyPercentRule.applies === 'no' ? [] : [context.fiftyPercentRule()]),
    ...(discrepancies?.undeclared ?? []).map((gap) => context.undeclaredOwner(gap, declaredCount)),
    ...(discrepancies?.unverified ?? []).map((declared) => context.unverifiedDeclaration(declared)),
  ];
}

/**
 * A state-owned group shows up as a ladder of state owners (CETHIK → CETC → SASAC). One finding per ladder
 * is enough: the state owner nearest the subject carries the share the state holds, and its evidence
 * continues up to the top of the ladder.
 */
function nearestStateOwners(analysis: OwnershipAnalysis): EffectiveOwner[] {
  const stateIds = new Set(analysis.owners.filter((owner) => owner.state).map((owner) => owner.entityId));
  return analysis.owners.filter(
    (owner) =>
      owner.state &&
      owner.paths.some((path) => path.edges.slice(0, -1).every((edge) => !stateIds.has(edge.ownerId))),
  );
}

class FindingContext {
  private readonly names: OwnershipNames;
  private readonly subjectName: string;
  private readonly subjectRole: SubjectRole;

  constructor(
    private readonly analysis: OwnershipAnalysis,
    private readonly options: OwnershipFindingOptions,
  ) {
    this.names = new OwnershipNames(analysis, options.subjectName);
    this.subjectName = this.names.nameOf(analysis.subjectId);
    this.subjectRole = options.subjectRole ?? 'supplier';
  }

  stateOwnership(owner: EffectiveOwner): Finding {
    const top = this.topStateOwnerAbove(owner);
    const evidence = owner.paths.map((path) =>
      pathEvidence(this.names, path, { entityId: owner.entityId, chainAbove: top?.chainAbove }),
    );
    const above = top ? `; above it, ${top.owner.name} (state)` : '';
    return this.finding('STATE_OWNERSHIP', owner.entityId, {
      subject: this.ownerSubject(owner),
      summary: `${owner.name}, a state owner, holds ${this.shareText(owner)} of ${this.subjectName} ${this.reach(owner)}${above}.`,
      evidence: [...evidence, ...entityEvidence(owner), ...(top ? entityEvidence(top.owner) : [])],
      attributes: {
        ...this.ownerAttributes(owner),
        state: true,
        ...(top ? { stateParentId: top.owner.entityId, stateParent: top.owner.name } : {}),
      },
    });
  }

  listedOwner(owner: EffectiveOwner): Finding {
    const lists = owner.listIds.length > 0 ? owner.listIds.join(', ') : owner.topics.join(', ');
    return this.finding('WATCHLIST_MATCH', owner.entityId, {
      subject: this.ownerSubject(owner),
      summary: `${owner.name} (listed: ${lists}) holds ${this.shareText(owner)} of ${this.subjectName} ${this.reach(owner)}.`,
      evidence: [
        ...owner.paths.map((path) => pathEvidence(this.names, path, { entityId: owner.entityId })),
        ...listEvidence(owner),
      ],
      attributes: this.ownerAttributes(owner),
    });
  }

  fiftyPercentRule(): Finding {
    const rule = this.analysis.usFiftyPercentRule;
    const viaIds = new Set(rule.heldVia.map((holder) => holder.entityId));
    const listedBehind = this.analysis.owners.filter(
      (owner) =>
        owner.listed && owner.paths.some((path) => path.edges.some((edge) => viaIds.has(edge.ownerId))),
    );
    const holders = rule.heldVia.map(
      (holder) => `${this.names.nameOf(holder.entityId)} (${formatShare(holder.share)})`,
    );
    const certainty = rule.applies === 'yes' ? 'is' : 'may be';
    return this.finding('WATCHLIST_MATCH', 'us-50-percent-rule', {
      subject: {
        role: this.subjectRole,
        name: this.subjectName,
        country: this.analysis.subject?.country ?? undefined,
      },
      summary:
        `${this.subjectName} ${certainty} owned ${formatShare(rule.aggregate)} in aggregate by listed owners or owners ` +
        `blocked under the US 50 % rule: ${holders.join(', ')}.`,
      evidence: listedBehind.flatMap((owner) =>
        owner.paths.map((path) => pathEvidence(this.names, path, { entityId: owner.entityId })),
      ),
      attributes: {
        ...shareAttributes(rule.aggregate),
        listIds: [...new Set(listedBehind.flatMap((owner) => owner.listIds))],
        topics: [...new Set(listedBehind.flatMap((owner) => owner.topics))],
        rule: 'US-OFAC-50-PERCENT',
        certainty: rule.applies,
      },
    });
  }

  undeclaredOwner({ owner, relation }: UndeclaredOwner, declaredCount: number): Finding {
    const path: OwnershipPath = { edges: [relation], share: relation.share, confidence: relation.confidence };
    return this.finding('UNDECLARED_OWNER', owner.entityId, {
      subject: this.ownerSubject(owner),
      summary:
        `The registry records ${owner.name} as a direct owner of ${this.subjectName} ` +
        `(${edgeShareText(relation)}, ${relation.confidence} confidence, ${relation.source}), but the declaration does not name it.`,
      evidence: [
        pathEvidence(this.names, path, { entityId: owner.entityId }),
        { kind: 'declaration', detail: { declaredOwners: declaredCount, matchedRegistryOwner: false } },
      ],
      attributes: {
        ...this.ownerAttributes(owner),
        ...directShareAttributes(relation),
        confidence: relation.confidence,
      },
    });
  }

  unverifiedDeclaration(declared: DeclaredOwner): Finding {
    const share = declared.share === undefined ? '' : `, ${declared.share}%`;
    const registry = this.analysis.subject
      ? `the registry records no such owner of ${this.subjectName}`
      : `the registry has no record of ${this.subjectName} to check it against`;
    return this.finding('UNVERIFIED_DECLARATION', declarationKey(declared), {
      subject: { role: 'owner', name: declared.name, country: declared.country },
      summary: `${declared.name} (${declared.country}${share}) is declared as an owner, but ${registry}.`,
      evidence: [
        {
          kind: 'declaration',
          path: [this.subjectName, declared.name],
          detail: {
            name: declared.name,
            country: declared.country,
            share: declared.share ?? null,
            identifiers: declared.identifiers ?? [],
            isState: declared.isState ?? null,
          },
        },
      ],
      attributes: {
        ...(declared.share === undefined ? {} : { share: declared.share }),
        ...(declared.isState === undefined ? {} : { state: declared.isState }),
      },
    });
  }

  private finding(
    code: string,
    keyPart: string,
    body: Pick<Finding, 'subject' | 'summary' | 'evidence'> & { attributes: Attributes },
  ): Finding {
    const scope = this.options.scope ? `${this.options.scope}:` : '';
    const attributes = this.analysis.truncated
      ? { ...body.attributes, dataTruncated: true }
      : body.attributes;
    return { key: `ownership:${scope}${code}:${keyPart}`, check: 'ownership', code, ...body, attributes };
  }

  /** The highest state owner whose strongest paths run through `owner`, with the edges above `owner`. */
  private topStateOwnerAbove(
    owner: EffectiveOwner,
  ): { owner: EffectiveOwner; chainAbove: OwnershipEdge[] } | undefined {
    let best: { owner: EffectiveOwner; chainAbove: OwnershipEdge[] } | undefined;
    for (const candidate of this.analysis.owners) {
      if (!candidate.state || candidate.depth <= owner.depth) continue;
      for (const path of candidate.paths) {
        const at = path.edges.findIndex((edge) => edge.ownerId === owner.entityId);
        if (at === -1) continue;
        const chainAbove = path.edges.slice(at + 1);
        if (!best || chainAbove.length > best.chainAbove.length) best = { owner: candidate, chainAbove };
        break;
      }
    }
    return best;
  }

  private ownerSubject(owner: EffectiveOwner): Finding['subject'] {
    return {
      role: 'owner',
      name: owner.name,
      ...(owner.entity?.country ? { country: owner.entity.country } : {}),
    };
  }

  private ownerAttributes(owner: EffectiveOwner): Attributes {
    return {
      ...shareAttributes(owner.share),
      state: owner.state,
      listIds: owner.listIds,
      topics: owner.topics,
      confidence: owner.paths[0]?.confidence,
      depth: owner.depth,
      pathCount: owner.pathCount,
      shareUnknown: owner.shareUnknown,
      controlOnly: owner.controlOnly,
    };
  }

  private shareText(owner: EffectiveOwner): string {
    if (owner.controlOnly && owner.share.min === 0) return `control and up to ${owner.share.max}%`;
    return formatShare(owner.share);
  }

  private reach(owner: EffectiveOwner): string {
    if (owner.depth === 1 && owner.pathCount === 1) return 'directly';
    const paths = owner.pathCount === 1 ? 'one path' : `${owner.pathCount} paths`;
    return `through ${paths} (nearest ${owner.depth} level${owner.depth === 1 ? '' : 's'} up)`;
  }
}

function shareAttributes(share: ShareRange): Attributes {
  const { share: point, shareMin, shareMax } = shareDetail(share);
  return { ...(point === undefined ? {} : { share: point }), shareMin, shareMax };
}

function directShareAttributes(relation: OwnershipEdge): Attributes {
  return relation.controlOnly || relation.shareUnknown ? {} : shareAttributes(relation.share);
}

function entityEvidence(owner: EffectiveOwner): Evidence[] {
  if (!owner.entity) return [];
  return [
    {
      kind: 'entity',
      path: [owner.name],
      entityId: owner.entityId,
      source: owner.entity.source,
      confidence: owner.entity.confidence,
      detail: { kind: owner.entity.kind, country: owner.entity.country, topics: owner.topics },
    },
  ];
}

function listEvidence(owner: EffectiveOwner): Evidence[] {
  return (owner.entity?.lists ?? []).map((membership) => ({
    kind: 'list' as const,
    path: [owner.name, membership.listId],
    entityId: owner.entityId,
    listId: membership.listId,
    ...(membership.sourceUrl ? { source: membership.sourceUrl } : {}),
    detail: { since: membership.since ?? null, note: membership.note ?? null },
  }));
}

/** Stable across re-screenings of the same declaration: a register number if given, else the name. */
function declarationKey(declared: DeclaredOwner): string {
  const identifier = declared.identifiers?.[0];
  if (identifier) return `${identifier.scheme.toUpperCase()}:${identifier.id.replace(/\s+/g, '')}`;
  return `${declared.country.toUpperCase()}:${normaliseOwnerName(declared.name)}`;
}
