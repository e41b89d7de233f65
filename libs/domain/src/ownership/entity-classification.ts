// What makes an owner a state owner or a listed owner. Decided from the entity's kind, topics and list
// memberships as the reference data records them, never by guessing from names.
import type { RefEntity } from '../../../contracts/src/index.js';

export interface ClassificationOptions {
  /** FtM topics that mark a state-owned or state-controlled entity. */
  stateTopics: readonly string[];
  /** FtM topics that count as being on a list even without a list membership record. */
  listedTopics: readonly string[];
}

export const DEFAULT_CLASSIFICATION: ClassificationOptions = {
  stateTopics: ['gov.soe'],
  listedTopics: ['sanction', 'debarment', 'export.control'],
};

export function isStateEntity(entity: RefEntity | undefined, options: ClassificationOptions): boolean {
  if (!entity) return false;
  return entity.kind === 'state_body' || entity.topics.some((topic) => options.stateTopics.includes(topic));
}

export function isListedEntity(entity: RefEntity | undefined, options: ClassificationOptions): boolean {
  if (!entity) return false;
  return entity.lists.length > 0 || entity.topics.some((topic) => options.listedTopics.includes(topic));
}

export function listIdsOf(entity: RefEntity | undefined): string[] {
  return entity ? [...new Set(entity.lists.map((membership) => membership.listId))] : [];
}
