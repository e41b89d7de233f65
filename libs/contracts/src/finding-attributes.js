// The facts a finding hands to the policy, by name. Checks set them; policies match on them.
// Keeping them here, typed, is what lets a policy rule cite a finding without knowing which check made it.
export {};
