// A screening policy as data: what each finding is worth, when a case is excluded, who must sign and how
// long each human step may take. Policies are versioned and immutable once published; a screening pins
// one version, so its score can be re-derived years later from the same document.
import type {
  ApprovalLevel,
  BuyerType,
  RiskBand,
  RiskOutcome,
  SubjectRole,
} from '../../../contracts/src/domain-types.js';

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const satisfies readonly RiskBand[];
export const RISK_OUTCOMES = [
  'clear',
  'review',
  'excludable',
  'excluded',
] as const satisfies readonly RiskOutcome[];
/** In signing order: a case needing both is signed by a reviewer first, then an approver. */
export const APPROVAL_LEVELS = ['reviewer', 'approver'] as const satisfies readonly ApprovalLevel[];
export const SUBJECT_ROLES = [
  'supplier',
  'owner',
  'parent',
  'manufacturer',
  'brand',
  'component',
  'subcontractor',
] as const satisfies readonly SubjectRole[];
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** An ISO-8601 duration without years or months (e.g. "P14D", "PT30S"), or a number of milliseconds. */
export type PolicyDuration = string | number;

/** A share threshold in percent, or the name of the policy parameter that holds it. */
export type ShareThreshold = number | 'significantControlPct' | 'majorityPct';

export interface PolicyParameters {
  /** Whether Hong Kong entities count as subject to the PRC laws below: a policy choice, not a fact. */
  hongKongIsPrcJurisdiction: boolean;
  /** Law ids (as jurisdiction profiles name them, e.g. "PRC-NIL-2017") that this policy acts on. */
  intelligenceLaws: string[];
  /** An owner holding more than this has significant control (Companies Act s790C: 25). */
  significantControlPct: number;
  /** An owner holding more than this has a majority (50). */
  majorityPct: number;
  /** Tender intended uses that are covered uses (US-889: public safety, government facility security, ...). */
  coveredUses: string[];
}

/**
 * Matches one finding; every clause given must hold. Clauses on attributes read the finding's
 * `attributes` (FindingAttributes); a boolean clause `x: false` also matches when the attribute is absent.
 */
export interface FindingCondition {
  codes?: string[];
  roles?: SubjectRole[];
  /** At least one of these topics (e.g. "debarment"). */
  topicsAny?: string[];
  /** On at least one of these lists. */
  listIdsAny?: string[];
  /** Country codes; Hong Kong reads as "CN" when the policy says Hong Kong is PRC jurisdiction. */
  jurisdictions?: string[];
  /** Subject to one of the policy's `intelligenceLaws`. */
  intelligenceLaw?: boolean;
  /** The NDAA s889 company the finding leads to (huawei, zte, hytera, hikvision, dahua). */
  coveredCompanies?: string[];
  equipmentCategories?: string[];
  nationalSecurity?: boolean;
  state?: boolean;
  associatedPersonOnly?: boolean;
  /** Share strictly above the threshold; a finding without a share does not match. */
  shareAbove?: ShareThreshold;
  /** Relation confidence at least this; a finding without a confidence matches. */
  minConfidence?: Confidence;
}

export interface TenderCondition {
  sensitiveSite?: boolean;
  /** The tender's intended use is one of the policy's `coveredUses`. */
  intendedUseCovered?: boolean;
  buyerTypes?: BuyerType[];
}

/** When an outcome rule applies; every clause given must hold. */
export interface RuleCondition {
  /** Some (not dismissed) finding matches one of these conditions. */
  anyFinding?: FindingCondition[];
  /** Each of these factors has at least one counted finding. */
  factorsPresent?: string[];
  tender?: TenderCondition;
  bandAtLeast?: RiskBand;
}

export interface FactorWeight {
  /** Points each counted finding adds. */
  points: number;
  /** Most points the factor adds however many findings count. */
  maxPoints: number;
  /** Source rule id the points rest on (e.g. "UK-PA-2023"). */
  rule: string;
  /** Where in the source, e.g. "Sch 6 para 45". */
  provision?: string;
  /** Sentence for reviewers; `{summaries}`, `{subjects}` and `{count}` are filled from the findings. */
  explanation: string;
  /** When given, a finding counts only if it matches one of these conditions. */
  scope?: FindingCondition[];
}

export interface OutcomeRule {
  /** Stable within the policy; the assessment records which rule decided. */
  id: string;
  when: RuleCondition;
  outcome: RiskOutcome;
  rule: string;
  provision?: string;
  /** Sentence a reviewer and the supplier read: why this outcome. */
  reason: string;
  /** A buyer that is not a minister must refer to one before excluding on this ground (UK-PA-2023 s29). */
  ministerialReferralRequired?: boolean;
  /** Overrides `approvals.overrideAllowed` for exclusions decided by this rule. */
  overrideAllowed?: boolean;
}

/** Levels that must sign, by band, with a default for bands not listed. */
export type LevelsByBand = { default: ApprovalLevel[] } & Partial<Record<RiskBand, ApprovalLevel[]>>;

export interface ApprovalRouting {
  levels: Record<RiskOutcome, LevelsByBand>;
  /** An `excludable` supplier may make representations before it is excluded (UK-PA-2023 s58). */
  representationsRequired: boolean;
  /** Whether an approver may override an `excluded` outcome with a written justification. */
  overrideAllowed: boolean;
}

export interface PolicyDurations {
  declarationDeadline: PolicyDuration;
  declarationReminderInterval: PolicyDuration;
  representationsWindow: PolicyDuration;
  /** Per level; when it passes, the case escalates to the approver pool. */
  reviewDeadline: Record<ApprovalLevel, PolicyDuration>;
  reviewReminderInterval: PolicyDuration;
  escalationReminderInterval: PolicyDuration;
}

export interface PolicyDocument {
  /** Kebab-case, e.g. "uk-local-authority". */
  id: string;
  /** Whole number from 1; publishing makes a new version. */
  version: number;
  title: string;
  description: string;
  /** Buyer types this policy is the default for. */
  appliesTo: BuyerType[];
  parameters: PolicyParameters;
  /** By factor code; findings whose code has no weight are shown but score nothing. */
  factors: Record<string, FactorWeight>;
  /** Lowest score (0–100) of each band; `low` is 0 and the thresholds ascend. */
  bands: Record<RiskBand, number>;
  /** Outcome when no outcome rule matches. */
  outcomeByBand: Record<RiskBand, RiskOutcome>;
  /** Ordered: the first rule that matches decides the outcome. */
  outcomeRules: OutcomeRule[];
  approvals: ApprovalRouting;
  durations: PolicyDurations;
}
