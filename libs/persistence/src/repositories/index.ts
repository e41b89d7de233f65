export * from './api-key.repository.js';
export * from './notification-outbox.repository.js';
export * from './policy.repository.js';
export * from './screening-assignment.repository.js';
export * from './screening-records.repository.js';
export * from './screening.repository.js';
export * from './simulation.repository.js';
export * from './tender.repository.js';
