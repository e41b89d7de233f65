// Name screening: every screened name (supplier, owners, parent, manufacturers, brands, components,
// sub-contractors) against the reference data through the fuzzy matcher, as of the round's pinned
// dataset version; a finding for each hit on a listed entity, with the score's components and reasons.
import type { Finding, Identifier, ListMembership } from '../../../../libs/contracts/src/index.js';
import type { EntityMatch, NameMatcher } from '../../../../libs/reference-data/src/matching/index.js';
import { isUnknownName } from './findings.js';
import type { ScreeningSubject } from './screening-subjects.js';

const DEBARMENT_TOPICS = ['debarment'];
const WATCHLIST_TOPICS = ['sanction', 'sanction.linked', 'export.control', 'debarment', 'mil', 'crime'];
/** Names screened at once: a declaration names a handful to a few dozen parties. */
const PARALLEL_QUERIES = 4;

/** A subject, with the identifiers it was declared with when there are any (strong evidence). */
export type NameScreeningSubject = ScreeningSubject & { identifiers?: Identifier[] };

export class NameScreeningService {
  constructor(private readonly matcher: NameMatcher) {}

  async screen(subjects: NameScreeningSubject[], asOfVersion: number): Promise<Finding[]> {
    const screened = subjects.filter((subject) => !isUnknownName(subject.name));
    const matches = await inBatches(screened, PARALLEL_QUERIES, (subject) =>
      this.matcher.match(
        { name: subject.name, country: subject.country, identifiers: subject.identifiers },
        { asOfVersion },
      ),
    );
    const findings = new Map<string, Finding>();
    screened.forEach((subject, i) => {
      for (const match of matches[i]!) {
        if (!isListed(match)) continue;
        const finding = toFinding(subject, match, this.matcher.threshold);
        findings.set(finding.key, finding);
      }
    });
    return [...findings.values()];
  }
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  }
  return results;
}

function isListed({ entity }: EntityMatch): boolean {
  return entity.lists.length > 0 || entity.topics.some((t) => WATCHLIST_TOPICS.includes(t));
}

function describeLists(lists: ListMembership[]): string {
  return lists.map((l) => (l.since ? `${l.listId} (since ${l.since})` : l.listId)).join(', ');
}

function toFinding(subject: ScreeningSubject, match: EntityMatch, threshold: number): Finding {
  const { entity } = match;
  const debarred =
    entity.topics.some((t) => DEBARMENT_TOPICS.includes(t)) ||
    entity.lists.some((l) => /debar/i.test(l.listId));
  const code = debarred ? 'DEBARRED' : 'WATCHLIST_MATCH';
  const listText = describeLists(entity.lists) || entity.topics.join(', ');
  const score = round(match.score);
  const through = match.matchedAlias ? `, through its alias "${match.matchedName}"` : '';
  const confidence = entity.confidence as 'high' | 'medium' | 'low';
  return {
    key: `name_screening:${code}:${subject.declaredAt}:${entity.externalId}`,
    check: 'name_screening',
    code,
    subject: { role: subject.role, name: subject.name, country: subject.country },
    summary:
      `${subject.role} "${subject.name}" matches ${entity.name}${entity.country ? ` (${entity.country})` : ''}` +
      ` with score ${score.toFixed(2)}${through}, listed on ${listText}.`,
    evidence: [
      {
        kind: 'match',
        path: [subject.name, ...(match.matchedAlias ? [match.matchedName] : []), entity.name],
        entityId: entity.externalId,
        source: entity.source,
        confidence,
        detail: {
          matchedName: match.matchedName,
          matchedAlias: match.matchedAlias,
          score,
          threshold,
          components: match.components,
          explanation: match.explanation,
          retrievedBy: match.retrievedBy,
          method: 'trigram-retrieval+token-scorer',
        },
      },
      ...entity.lists.map((l) => ({
        kind: 'list' as const,
        listId: l.listId,
        entityId: entity.externalId,
        source: l.sourceUrl,
        detail: { since: l.since, note: l.note },
      })),
    ],
    attributes: {
      topics: entity.topics,
      listIds: entity.lists.map((l) => l.listId),
      matchScore: score,
      confidence,
    },
  };
}

/** Three decimals: enough to compare with a threshold, stable in audit data and finding summaries. */
function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
