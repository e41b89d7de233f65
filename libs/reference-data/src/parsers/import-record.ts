// What the reference-data parsers emit: the contract's ReferenceRecord plus two variants that only the
// importer pipeline needs. The DB writer consumes AsyncIterable<ImportRecord>.
import type { Confidence, ListMembership, ReferenceRecord } from '../../../contracts/src/index.js';

/**
 * A list membership stated apart from its entity (an FtM `Sanction` line names its entity by id, and may
 * come before or after it). The writer attaches it to the entity `entityExternalId` of the same dataset
 * version; `externalId` is the membership's own id (the Sanction's id) so a later delta can delete it.
 */
export interface ListMembershipFact extends ListMembership {
  externalId: string;
  entityExternalId: string;
  source: string;
  confidence: Confidence;
}

export type ListMembershipRecord =
  | { type: 'list_membership'; op: 'upsert'; value: ListMembershipFact }
  | { type: 'list_membership'; op: 'delete'; externalId: string };

/**
 * Delete whatever fact has this external id. FtM delta `DEL` lines may carry only the entity id, without
 * its schema, so the parser cannot tell an entity from an ownership or a sanction.
 */
export interface AnyFactDeleteRecord {
  type: 'any';
  op: 'delete';
  externalId: string;
}

export type ImportRecord = ReferenceRecord | ListMembershipRecord | AnyFactDeleteRecord;
