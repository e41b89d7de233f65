export * from './screening-worker.js';
export * from './temporal-client.js';
export * from './workflow-source.js';
