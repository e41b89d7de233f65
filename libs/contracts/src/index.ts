export * from './domain-types.js';
export * from './finding-attributes.js';
export * from './reference-data.js';
export * from './screening-activities.contract.js';
export * from './screening-workflow.contract.js';
export * from './task-queues.js';
export * from './tender-workflow.contract.js';
export * from './screening-batch-workflow.contract.js';
