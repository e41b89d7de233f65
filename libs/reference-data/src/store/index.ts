export * from './reference-lookup.repository.js';
export * from './reference-data.module.js';
export * from './reference-data.writer.js';
export * from './reference-import.exception.js';
export * from './reference-import.service.js';
export * from './reference-seed.js';
export * from './reference-graph.repository.js';
