import { InitialSchema1764489600000 } from './1764489600000-initial-schema.js';
import { RuntimeRoleGrants1796021942714 } from './1796021942714-runtime-role-grants.js';
import { NotificationOutboxAndAssignments1796200000000 } from './1796200000000-notification-outbox-and-assignments.js';
import { AuditEventsPeriodIndex1796300000000 } from './1796300000000-audit-events-period-index.js';
import { FindingDismissals1796400000000 } from './1796400000000-finding-dismissals.js';
import { ScreeningBatches1796500000000 } from './1796500000000-screening-batches.js';
import { ReferenceNameTerms1796610000000 } from './1796610000000-reference-name-terms.js';
import { MonitoringAlerts1796700000000 } from './1796700000000-monitoring-alerts.js';
import { ReferenceEntitiesVersionIndex1796800000000 } from './1796800000000-reference-entities-version-index.js';

/** Every migration, oldest first. A new migration is written, reviewed, and added here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  InitialSchema1764489600000,
  RuntimeRoleGrants1796021942714,
  NotificationOutboxAndAssignments1796200000000,
  AuditEventsPeriodIndex1796300000000,
  FindingDismissals1796400000000,
  ScreeningBatches1796500000000,
  ReferenceNameTerms1796610000000,
  MonitoringAlerts1796700000000,
  ReferenceEntitiesVersionIndex1796800000000,
];
