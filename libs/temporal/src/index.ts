export * from './screening-worker.js';
export * from './temporal-client.js';
export * from './workflow-source.js';
export * from './runtime-logging.js';
export * from './tender-client.js';
export * from './monitoring-schedule.js';
