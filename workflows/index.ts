// Entry point of the workflow bundle: every workflow type the worker hosts.
export { screeningWorkflow } from './screening.workflow.js';
export { tenderWorkflow } from './tender.workflow.js';
export { screeningBatchWorkflow } from './screening-batch.workflow.js';
export { referenceDataMonitoringWorkflow } from './monitoring.workflow.js';
