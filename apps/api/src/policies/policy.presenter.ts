import type { PolicyDocument } from '../../../../libs/domain/src/policy/index.js';
import type { PolicyEntity } from '../../../../libs/persistence/src/index.js';

export function presentPolicySummary(policy: PolicyEntity) {
  const document = policy.document as PolicyDocument;
  return {
    id: policy.id,
    version: policy.version,
    title: policy.title,
    description: document.description,
    appliesTo: document.appliesTo,
    publishedAt: policy.publishedAt.toISOString(),
    publishedBy: policy.publishedBy,
  };
}

export function presentPolicyVersion(policy: PolicyEntity) {
  return { ...presentPolicySummary(policy), document: policy.document as PolicyDocument };
}
