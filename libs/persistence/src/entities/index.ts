import { ApiKeyEntity } from './api-key.entity.js';
import { ApprovalEntity } from './approval.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { DeclarationEntity } from './declaration.entity.js';
import { FindingDismissalEntity } from './finding-dismissal.entity.js';
import { FindingEntity } from './finding.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { PolicyEntity } from './policy.entity.js';
import { ReferenceBrandEntity } from './reference-brand.entity.js';
import { ReferenceDatasetEntity } from './reference-dataset.entity.js';
import { ReferenceEntityEntity } from './reference-entity.entity.js';
import { ReferenceJurisdictionEntity } from './reference-jurisdiction.entity.js';
import { ReferenceNameEntity } from './reference-name.entity.js';
import { ReferenceNameTermEntity } from './reference-name-term.entity.js';
import { ReferenceOwnershipEntity } from './reference-ownership.entity.js';
import { RiskAssessmentEntity } from './risk-assessment.entity.js';
import { ScreeningAssignmentEntity } from './screening-assignment.entity.js';
import { ScreeningBatchItemEntity } from './screening-batch-item.entity.js';
import { ScreeningBatchEntity } from './screening-batch.entity.js';
import { ScreeningEntity } from './screening.entity.js';
import { TenderEntity } from './tender.entity.js';

export {
  ApiKeyEntity,
  ApprovalEntity,
  AuditEventEntity,
  DeclarationEntity,
  FindingDismissalEntity,
  FindingEntity,
  NotificationEntity,
  PolicyEntity,
  ReferenceBrandEntity,
  ReferenceDatasetEntity,
  ReferenceEntityEntity,
  ReferenceJurisdictionEntity,
  ReferenceNameEntity,
  ReferenceNameTermEntity,
  ReferenceOwnershipEntity,
  RiskAssessmentEntity,
  ScreeningAssignmentEntity,
  ScreeningBatchEntity,
  ScreeningBatchItemEntity,
  ScreeningEntity,
  TenderEntity,
};
export type { BatchSupplier } from './screening-batch-item.entity.js';

export const ENTITIES = [
  ApiKeyEntity,
  ApprovalEntity,
  AuditEventEntity,
  DeclarationEntity,
  FindingDismissalEntity,
  FindingEntity,
  NotificationEntity,
  PolicyEntity,
  ReferenceBrandEntity,
  ReferenceDatasetEntity,
  ReferenceEntityEntity,
  ReferenceJurisdictionEntity,
  ReferenceNameEntity,
  ReferenceNameTermEntity,
  ReferenceOwnershipEntity,
  RiskAssessmentEntity,
  ScreeningAssignmentEntity,
  ScreeningBatchEntity,
  ScreeningBatchItemEntity,
  ScreeningEntity,
  TenderEntity,
];
