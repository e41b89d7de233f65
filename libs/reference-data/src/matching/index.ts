// Name screening against the reference data: retrieval in PostgreSQL, scoring in TypeScript.
export * from './identifier-keys.js';
export * from './match-candidates.repository.js';
export * from './name-matcher.js';
export * from './retrieval-plan.js';
export * from './term-variants.js';
export * from './name-matching.module.js';
export * from './name-hit-identity.js';
export * from './word-lookup.js';
