// BODS 0.2 and 0.3: entity, person and ownership-or-control statements linked by statement ids. A
// statement that replaces others deletes them, so the latest statement about a party or interest wins.
import type { ImportRecord } from '../import-record.js';
import { oneOf, optionalObject, optionalString, optionalStringList, requiredString } from '../fields.js';
import type { JsonObject } from '../fields.js';
import { RecordIssue } from '../parse-error.js';
import type { RecordContext } from '../record-pipeline.js';
import type { Provenance } from '../provenance.js';
import { provenance } from './bods-common.js';
import { summariseInterests } from './bods-interests.js';
import { bodsEntity, bodsPerson, type PartyKeys } from './bods-parties.js';

const STATEMENT_TYPES = ['entityStatement', 'personStatement', 'ownershipOrControlStatement'] as const;
const KEYS: PartyKeys = { detailsPath: '', jurisdictionKey: 'incorporatedInJurisdiction' };

export function bodsV02Statement(
  statement: JsonObject,
  context: RecordContext,
  defaults: Provenance,
): ImportRecord[] {
  const statementId = requiredString(statement, 'statementID', '');
  const statementType = oneOf(
    requiredString(statement, 'statementType', ''),
    STATEMENT_TYPES,
    'statementType',
  );
  const factType = statementType === 'ownershipOrControlStatement' ? 'ownership' : 'entity';
  const replaced: ImportRecord[] = optionalStringList(statement, 'replacesStatements', '').map(
    (externalId) => ({
      type: factType,
      op: 'delete',
      externalId,
    }),
  );
  const source = provenance(statement, defaults);
  switch (statementType) {
    case 'entityStatement':
      return [
        ...replaced,
        { type: 'entity', op: 'upsert', value: bodsEntity(statementId, statement, KEYS, source) },
      ];
    case 'personStatement':
      return [
        ...replaced,
        { type: 'entity', op: 'upsert', value: bodsPerson(statementId, statement, KEYS, source) },
      ];
    case 'ownershipOrControlStatement': {
      const subject = optionalObject(statement, 'subject', '');
      const owned = subject && optionalString(subject, 'describedByEntityStatement', 'subject');
      if (owned === undefined) throw new RecordIssue('subject.describedByEntityStatement', 'required');
      const party = optionalObject(statement, 'interestedParty', '');
      const owner =
        party &&
        (optionalString(party, 'describedByEntityStatement', 'interestedParty') ??
          optionalString(party, 'describedByPersonStatement', 'interestedParty'));
      if (owner === undefined) {
        // No statement reference: the party is `unspecified` (unknown, or exempt from disclosure).
        context.ignore('relationship with an unspecified party');
        return replaced;
      }
      const interests = summariseInterests(statement, '');
      const value = {
        externalId: statementId,
        ownerExternalId: owner,
        ownedExternalId: owned,
        ...interests,
        ...source,
      };
      return [...replaced, { type: 'ownership', op: 'upsert', value }];
    }
  }
}
