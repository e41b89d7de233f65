// Policies as versioned, validated data and the pure scoring function (DESIGN §5).
export * from './policy-document.js';
export { validatePolicy, parsePolicy, formatPolicyErrors } from './validate-policy.js';
export type { PolicyValidation, PolicyError } from './validate-policy.js';
export { scoreFindings, bandFor } from './score.js';
export type { PolicyAssessment } from './score.js';
export type { OutcomeBasis } from './outcome.js';
export { routingFor } from './routing.js';
export type { ApprovalRoute, RoutableAssessment } from './routing.js';
export { durationMs, parseDuration, resolveDurations } from './durations.js';
export type { ResolvedDurations } from './durations.js';
export { isSubjectToIntelligenceLaw } from './conditions.js';
export { BUILT_IN_POLICIES, builtInPolicy, defaultPolicyIdFor } from './packs/index.js';
