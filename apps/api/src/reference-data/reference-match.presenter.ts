import type { EntityMatch } from '../../../../libs/reference-data/src/matching/index.js';

/** Scores to three decimals: enough to compare with the threshold, and stable to read. */
function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

export function presentMatch(match: EntityMatch) {
  const { entity } = match;
  return {
    entityId: entity.externalId,
    kind: entity.kind,
    name: entity.name,
    matchedName: match.matchedName,
    matchedAlias: match.matchedAlias,
    country: entity.country,
    identifiers: entity.identifiers,
    topics: entity.topics,
    lists: entity.lists,
    score: round(match.score),
    components: { ...match.components, name: round(match.components.name) },
    explanation: match.explanation,
    retrievedBy: match.retrievedBy,
    source: entity.source,
    confidence: entity.confidence,
  };
}
