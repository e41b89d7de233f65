export * from './assessment-changes.js';
