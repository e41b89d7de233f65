// Plain data shapes shared by the API, the worker, the workflows and the domain library.
// Field names follow the v1 API contract in DESIGN.md §7: renaming one is a breaking change.

export const ROLES = ['buyer', 'reviewer', 'approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const BUYER_TYPES = [
  'central_government',
  'local_authority',
  'police',
  'us_federal',
  'other',
] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

export interface Identifier {
  scheme: string;
  id: string;
}

export interface SupplierRef {
  name: string;
  country: string;
  identifiers: Identifier[];
}

export interface TenderContext {
  id: string;
  reference: string;
  buyerType: BuyerType;
  sensitiveSite: boolean;
  intendedUse: string | null;
  policyId: string;
}

export const SCREENING_STATUSES = [
  'awaiting_declaration',
  'information_requested',
  'checking',
  'awaiting_review',
  'awaiting_approval',
  'awaiting_representations',
  'awaiting_ministerial_referral',
  'approved',
  'rejected',
  'excluded',
  'expired',
  'withdrawn',
] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export const FINAL_STATUSES: readonly ScreeningStatus[] = [
  'approved',
  'rejected',
  'excluded',
  'expired',
  'withdrawn',
];

export interface DeclaredOwner {
  name: string;
  country: string;
  share?: number;
  identifiers?: Identifier[];
  isState?: boolean;
}

export interface DeclaredComponent {
  type: string;
  manufacturer: string;
}

export interface DeclaredProduct {
  brand: string;
  model?: string;
  manufacturer?: string;
  countryOfOrigin?: string;
  components?: DeclaredComponent[];
}

export interface DeclaredSubcontractor {
  name: string;
  country: string;
  role?: string;
  identifiers?: Identifier[];
}

export interface Attestation {
  name: string;
  role: string;
  accepted: boolean;
  at?: string;
}

export interface Declaration {
  owners: DeclaredOwner[];
  ultimateParent?: { name: string; country: string; identifiers?: Identifier[] } | null;
  countriesOfOperation: string[];
  products: DeclaredProduct[];
  subcontractors: DeclaredSubcontractor[];
  foreignIntelligenceLawExposure: boolean;
  attestation: Attestation;
}

/** Stable factor codes (DESIGN §7). A policy may add its own codes. */
export const FACTOR_CODES = [
  'WATCHLIST_MATCH',
  'DEBARRED',
  'STATE_OWNERSHIP',
  'INTELLIGENCE_LAW_JURISDICTION',
  'COVERED_EQUIPMENT',
  'WHITE_LABEL_PRODUCT',
  'UNDECLARED_OWNER',
  'UNVERIFIED_DECLARATION',
  'MISSING_INFORMATION',
  'SUBCONTRACTOR_RISK',
  'SANCTIONS_JURISDICTION',
] as const;
export type FactorCode = (typeof FACTOR_CODES)[number];

export const CHECKS = ['name_screening', 'ownership', 'jurisdiction', 'product', 'subcontractor'] as const;
export type CheckName = (typeof CHECKS)[number];

export type SubjectRole =
  'supplier' | 'owner' | 'parent' | 'manufacturer' | 'brand' | 'component' | 'subcontractor';

/** One step of evidence a reviewer can follow: a matched entity, an ownership or brand edge, a list entry. */
export interface Evidence {
  kind: 'entity' | 'list' | 'ownership' | 'brand' | 'jurisdiction' | 'declaration' | 'match';
  /** Human-readable path, e.g. ["HiLook", "Hangzhou Hikvision Digital Technology Co., Ltd."]. */
  path?: string[];
  entityId?: string;
  listId?: string;
  source?: string;
  confidence?: 'high' | 'medium' | 'low';
  detail?: Record<string, unknown>;
}

export interface Finding {
  /** Stable key within a screening, used for dismissals and idempotent persistence. */
  key: string;
  check: CheckName;
  code: FactorCode | string;
  subject: { role: SubjectRole; name: string; country?: string };
  summary: string;
  evidence: Evidence[];
  /** Facts the policy evaluates (e.g. { topics: ['debarment'], jurisdiction: 'CN', share: 42 }). */
  attributes?: Record<string, unknown>;
  dismissed?: { by: string; reason: string; at: string } | null;
}

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';
export type RiskOutcome = 'clear' | 'review' | 'excludable' | 'excluded';
export type ApprovalLevel = 'reviewer' | 'approver';

export interface RiskFactor {
  code: string;
  points: number;
  explanation: string;
  /** Source rule id the points come from, e.g. UK-PA-2023 or US-889. */
  rule?: string;
  evidence: Evidence[];
  findingKeys: string[];
}

/** Which outcome rule decided (or that the band did), with its citation and the findings behind it. */
export interface OutcomeBasis {
  ruleId: string | null;
  rule: string | null;
  provision: string | null;
  reason: string;
  findingKeys: string[];
  /** Every finding behind the outcome concerns only an associated person or sub-contractor (s26). */
  associatedPersonOnly: boolean;
}

export interface RiskAssessment {
  score: number;
  band: RiskBand;
  outcome: RiskOutcome;
  factors: RiskFactor[];
  requiredApprovals: ApprovalLevel[];
  policy: { id: string; version: number };
  referenceDataVersion: string;
  outcomeBasis?: OutcomeBasis;
}

export type DecisionKind = 'approve' | 'reject' | 'request_information';

export interface Approval {
  level: ApprovalLevel;
  userId: string;
  decision: DecisionKind;
  reason: string;
  at: string;
  /** An approver approved an `excluded` outcome where the policy allows it (written justification). */
  override?: boolean;
}

export interface FinalDecision {
  outcome: 'approved' | 'rejected' | 'excluded' | 'expired' | 'withdrawn';
  decidedBy: string;
  at: string;
  reason: string;
  override?: boolean;
}

export interface Actor {
  userId: string;
  role: Role | 'supplier' | 'system';
}
