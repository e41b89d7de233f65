// Name screening: every screened name against reference entities, findings for those on lists.
import type { Finding, ListMembership } from '../../../../libs/contracts/src/index.js';
import { normaliseName } from '../../../../libs/domain/src/names/index.js';
import type { NameHit, ReferenceLookupRepository } from '../../../../libs/reference-data/src/store/index.js';
import type { ScreeningSubject } from './screening-subjects.js';

const DEBARMENT_TOPICS = ['debarment'];
const WATCHLIST_TOPICS = ['sanction', 'sanction.linked', 'export.control', 'debarment', 'mil', 'crime'];

export class NameScreeningService {
  constructor(private readonly lookup: ReferenceLookupRepository) {}

  async screen(subjects: ScreeningSubject[], asOfVersion: number): Promise<Finding[]> {
    const byNormalised = new Map<string, ScreeningSubject[]>();
    for (const subject of subjects) {
      const normalised = normaliseName(subject.name);
      if (!normalised) continue;
      byNormalised.set(normalised, [...(byNormalised.get(normalised) ?? []), subject]);
    }
    const hits = await this.lookup.findByNormalisedNames([...byNormalised.keys()], asOfVersion);
    const findings = new Map<string, Finding>();
    for (const hit of hits) {
      if (!isListed(hit)) continue;
      for (const subject of byNormalised.get(hit.matchedNormalised) ?? []) {
        const finding = toFinding(subject, hit);
        findings.set(finding.key, finding);
      }
    }
    return [...findings.values()];
  }
}

function isListed(hit: NameHit): boolean {
  return hit.lists.length > 0 || hit.topics.some((t) => WATCHLIST_TOPICS.includes(t));
}

function describeLists(lists: ListMembership[]): string {
  return lists.map((l) => (l.since ? `${l.listId} (since ${l.since})` : l.listId)).join(', ');
}

function toFinding(subject: ScreeningSubject, hit: NameHit): Finding {
  const debarred = hit.topics.some((t) => DEBARMENT_TOPICS.includes(t)) || hit.lists.some((l) => /debar/i.test(l.listId));
  const code = debarred ? 'DEBARRED' : 'WATCHLIST_MATCH';
  const listText = describeLists(hit.lists) || hit.topics.join(', ');
  return {
    key: `name_screening:${code}:${subject.declaredAt}:${hit.externalId}`,
    check: 'name_screening',
    code,
    subject: { role: subject.role, name: subject.name, country: subject.country },
    summary: `${subject.role} "${subject.name}" matches ${hit.name}${hit.country ? ` (${hit.country})` : ''}, listed on ${listText}.`,
    evidence: [
      {
        kind: 'match',
        path: [subject.name, hit.name],
        entityId: hit.externalId,
        source: hit.source,
        confidence: hit.confidence as 'high' | 'medium' | 'low',
        detail: { matchedName: hit.matchedName, normalised: hit.matchedNormalised, method: 'normalised-exact' },
      },
      ...hit.lists.map((l) => ({ kind: 'list' as const, listId: l.listId, entityId: hit.externalId, source: l.sourceUrl, detail: { since: l.since, note: l.note } })),
    ],
    attributes: {
      topics: hit.topics,
      listIds: hit.lists.map((l) => l.listId),
      matchScore: 1,
      confidence: hit.confidence as 'high' | 'medium' | 'low',
    },
  };
}
