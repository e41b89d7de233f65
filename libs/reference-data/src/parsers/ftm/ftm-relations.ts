// FtM relationship entities → ownership relations and list memberships.
import type { OwnershipRelation } from '../../../../contracts/src/index.js';
import type { ListMembershipFact } from '../import-record.js';
import { fieldPath } from '../fields.js';
import { RecordIssue } from '../parse-error.js';
import { parseShareText } from '../share-range.js';
import type { FtmEntityView } from './ftm-entity-view.js';
import type { Provenance } from '../provenance.js';

/**
 * Ownership: `owner` holds `percentage` of `asset`. FtM has no direct/indirect or supervision flag, so
 * the free-text `ownershipType` carries them: "indirect" marks a holding through intermediaries, and
 * "state supervision" marks control without a share (as SASAC over central SOEs).
 */
export function ftmOwnership(entity: FtmEntityView, defaults: Provenance): OwnershipRelation {
  const ownershipType = entity.values('ownershipType').join(' ').toLowerCase();
  const supervision = ownershipType.includes('supervision');
  const percentage = entity.first('percentage');
  const share =
    percentage === undefined
      ? undefined
      : parseShareText(percentage, fieldPath(entity.field('percentage'), 0));
  return {
    externalId: entity.id,
    ownerExternalId: entity.required('owner'),
    ownedExternalId: entity.required('asset'),
    ...share,
    direct: !ownershipType.includes('indirect'),
    controlOnly: supervision,
    kind: supervision ? 'state_supervision' : 'shareholding',
    startDate: entity.firstDate('startDate') ?? null,
    endDate: entity.firstDate('endDate') ?? null,
    source: entity.first('sourceUrl') ?? defaults.source,
    confidence: entity.confidence() ?? defaults.confidence,
  };
}

/** Directorship: a director controls the organisation without holding a share in it. */
export function ftmDirectorship(entity: FtmEntityView, defaults: Provenance): OwnershipRelation {
  return {
    externalId: entity.id,
    ownerExternalId: entity.required('director'),
    ownedExternalId: entity.required('organization'),
    direct: true,
    controlOnly: true,
    kind: 'director',
    startDate: entity.firstDate('startDate') ?? null,
    endDate: entity.firstDate('endDate') ?? null,
    source: entity.first('sourceUrl') ?? defaults.source,
    confidence: entity.confidence() ?? defaults.confidence,
  };
}

/**
 * Sanction → list membership of its `entity`. The list id is the Sanction's dataset (OpenSanctions:
 * "us_ofac_sdn"; this project's seed: "us-ndaa-889"), else its `programId`. Program, provisions, summary
 * and an end date go into the note: an ended listing stays visible to the reviewer rather than vanishing.
 */
export function ftmSanction(entity: FtmEntityView, defaults: Provenance): ListMembershipFact {
  const listId = entity.datasets[0] ?? entity.first('programId');
  if (listId === undefined) {
    throw new RecordIssue(entity.topLevelField('datasets'), 'required: the list the sanction belongs to');
  }
  const sourceUrl = entity.first('sourceUrl') ?? entity.first('programUrl');
  const endDate = entity.firstDate('endDate');
  const noteParts = [
    ...entity.values('program'),
    ...entity.values('provisions'),
    ...entity.values('summary'),
  ];
  if (endDate) noteParts.push(`listing ended ${endDate}`);
  return {
    externalId: entity.id,
    entityExternalId: entity.required('entity'),
    listId,
    since: entity.firstDate('listingDate', 'startDate', 'date'),
    sourceUrl,
    note: noteParts.length > 0 ? [...new Set(noteParts)].join('; ') : undefined,
    source: sourceUrl ?? defaults.source,
    confidence: entity.confidence() ?? defaults.confidence,
  };
}
