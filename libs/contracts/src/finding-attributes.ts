// The facts a finding hands to the policy, by name. Checks set them; policies match on them.
// Keeping them here, typed, is what lets a policy rule cite a finding without knowing which check made it.

export interface FindingAttributes {
  /** Topics of the matched or reached entity (FtM style: sanction, debarment, export.control, gov.soe, mil). */
  topics?: string[];
  /** Lists the matched or reached entity is on. */
  listIds?: string[];
  /** Match score 0-1 for name-screening hits. */
  matchScore?: number;
  /** Country code whose laws compel intelligence cooperation, when the finding is about jurisdiction. */
  jurisdiction?: string;
  /** Ids of the jurisdiction's intelligence-cooperation laws (e.g. "PRC-NIL-2017"). */
  laws?: string[];
  /** Company named by NDAA s889 that the finding leads to: huawei | zte | hytera | hikvision | dahua. */
  coveredCompany?: string;
  /** Equipment category of the product behind the finding: video_surveillance | telecoms | other. */
  equipmentCategory?: string;
  /** Effective ownership share (percent) behind the finding; min/max when ranges apply. */
  share?: number;
  shareMin?: number;
  shareMax?: number;
  /** True when the finding concerns a state owner or state body. */
  state?: boolean;
  /** True when the finding raises a national-security concern (Procurement Act Sch 7 para 14). */
  nationalSecurity?: boolean;
  /** True when the problem lies only with an associated person or sub-contractor (s26). */
  associatedPersonOnly?: boolean;
  /** Relation confidence on the path behind the finding. */
  confidence?: 'high' | 'medium' | 'low';
}
