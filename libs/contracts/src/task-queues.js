/** Default task queue shared by the worker and the API's client. Override with TEMPORAL_TASK_QUEUE. */
export const DEFAULT_SCREENING_TASK_QUEUE = 'supplier-screening';
