// BODS 0.4: statements about records (`recordId`, `recordType`, `recordStatus`, `recordDetails`). The
// record id is the stable external id; a statement closing a record deletes it.
import type { ImportRecord } from '../import-record.js';
import { asObject, oneOf, optionalString, requiredString } from '../fields.js';
import type { JsonObject } from '../fields.js';
import { RecordIssue } from '../parse-error.js';
import type { RecordContext } from '../record-pipeline.js';
import type { Provenance } from '../provenance.js';
import { provenance } from './bods-common.js';
import { summariseInterests } from './bods-interests.js';
import { bodsEntity, bodsPerson, type PartyKeys } from './bods-parties.js';

const RECORD_TYPES = ['entity', 'person', 'relationship'] as const;
const KEYS: PartyKeys = { detailsPath: 'recordDetails', jurisdictionKey: 'jurisdiction' };

export function bodsV04Statement(
  statement: JsonObject,
  context: RecordContext,
  defaults: Provenance,
): ImportRecord[] {
  const recordId = requiredString(statement, 'recordId', '');
  const recordType = oneOf(requiredString(statement, 'recordType', ''), RECORD_TYPES, 'recordType');
  if (optionalString(statement, 'recordStatus', '') === 'closed') {
    return [
      { type: recordType === 'relationship' ? 'ownership' : 'entity', op: 'delete', externalId: recordId },
    ];
  }
  const details = asObject(statement.recordDetails, KEYS.detailsPath);
  const source = provenance(statement, defaults);
  switch (recordType) {
    case 'entity':
      return [{ type: 'entity', op: 'upsert', value: bodsEntity(recordId, details, KEYS, source) }];
    case 'person':
      return [{ type: 'entity', op: 'upsert', value: bodsPerson(recordId, details, KEYS, source) }];
    case 'relationship': {
      // Either party may be an "unspecified record" object (reason + description) instead of a record id.
      const owned = partyRecordId(details, 'subject');
      const owner = partyRecordId(details, 'interestedParty');
      if (owned === undefined || owner === undefined) {
        context.ignore('relationship with an unspecified party');
        return [];
      }
      const interests = summariseInterests(details, KEYS.detailsPath);
      const value = {
        externalId: recordId,
        ownerExternalId: owner,
        ownedExternalId: owned,
        ...interests,
        ...source,
      };
      return [{ type: 'ownership', op: 'upsert', value }];
    }
  }
}

function partyRecordId(details: JsonObject, key: 'subject' | 'interestedParty'): string | undefined {
  const value = details[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (value !== null && typeof value === 'object') return undefined;
  throw new RecordIssue(
    `${KEYS.detailsPath}.${key}`,
    'required: a record id or an unspecified-record object',
  );
}
