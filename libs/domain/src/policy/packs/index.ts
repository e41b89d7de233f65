// The built-in policy packs (DESIGN §5), validated when this module loads so a broken pack fails at start.
// The workflow bundler (webpack) accepts these JSON imports too, though workflows should use the version
// the screening pinned (from an activity) rather than whatever pack is built in today.
import type { BuyerType } from '../../../../contracts/src/domain-types.js';
import type { PolicyDocument } from '../policy-document.js';
import { parsePolicy } from '../validate-policy.js';
import ukCentralGovernment from './uk-central-government.v1.json' with { type: 'json' };
import ukLocalAuthority from './uk-local-authority.v1.json' with { type: 'json' };
import usFederal889 from './us-federal-889.v1.json' with { type: 'json' };

export const BUILT_IN_POLICIES: readonly PolicyDocument[] = [
  ukLocalAuthority,
  ukCentralGovernment,
  usFederal889,
].map((document) => deepFreeze(parsePolicy(document)));

/** The built-in policy a tender gets when it names none. */
export function defaultPolicyIdFor(buyerType: BuyerType): string {
  const policy = BUILT_IN_POLICIES.find((candidate) => candidate.appliesTo.includes(buyerType));
  if (policy === undefined) throw new Error(`No built-in policy applies to buyer type ${buyerType}`);
  return policy.id;
}

export function builtInPolicy(id: string): PolicyDocument | undefined {
  return BUILT_IN_POLICIES.find((policy) => policy.id === id);
}

// Published versions are immutable; freezing makes an accidental edit of a shared pack throw in strict mode.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
