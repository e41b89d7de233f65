export * from './canonical-json.js';
export * from './hash-chain.js';
export * from './audit-event.repository.js';
export * from './trail-verifier.js';
export * from './audit.module.js';
