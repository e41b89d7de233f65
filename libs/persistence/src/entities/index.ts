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
import { ReferenceOwnershipEntity } from './reference-ownership.entity.js';
import { RiskAssessmentEntity } from './risk-assessment.entity.js';
import { ScreeningAssignmentEntity } from './screening-assignment.entity.js';
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
  ReferenceOwnershipEntity,
  RiskAssessmentEntity,
  ScreeningAssignmentEntity,
  ScreeningEntity,
  TenderEntity,
};

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
  ReferenceOwnershipEntity,
  RiskAssessmentEntity,
  ScreeningAssignmentEntity,
  ScreeningEntity,
  TenderEntity,
];
