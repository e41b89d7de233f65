export * from './api-key.repository.js';
export * from './policy.repository.js';
export * from './screening-records.repository.js';
export * from './screening.repository.js';
export * from './tender.repository.js';
