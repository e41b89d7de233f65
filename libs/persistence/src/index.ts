export * from './data-source.js';
export * from './entities/index.js';
export * from './migrations/index.js';
export * from './repositories/index.js';
export * from './persistence.module.js';
