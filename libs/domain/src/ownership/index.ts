// Ownership analysis: pure functions over ownership data, safe to import from workflow code.
export * from './discrepancies.js';
export * from './effective-ownership.js';
export * from './entity-classification.js';
export * from './ownership-analysis.js';
export * from './ownership-findings.js';
export * from './ownership-graph.js';
export * from './owner-name-comparison.js';
export * from './share-range.js';
