// Entry point of the workflow bundle: every workflow type the worker hosts.
export { screeningWorkflow } from './screening.workflow.js';
