// The result of an ownership analysis and the knobs that shape it. Plain data, so an activity can return
// it to a workflow and a reviewer can read it back from the screening.
import type { Confidence, OwnershipRelation, RefEntity } from '../../../contracts/src/index.js';
import { DEFAULT_CLASSIFICATION, type ClassificationOptions } from './entity-classification.js';
import type { Certainty, ShareRange } from './share-range.js';

export type RelationKind = NonNullable<OwnershipRelation['kind']>;

/** One ownership relation as the analysis used it. */
export interface OwnershipEdge {
  relationId: string;
  ownerId: string;
  ownedId: string;
  kind: RelationKind;
  /** False for a relation the registry records as an indirect holding (a summary of a chain). */
  direct: boolean;
  share: ShareRange;
  shareUnknown: boolean;
  controlOnly: boolean;
  confidence: Confidence;
  source: string;
}

export interface OwnershipPath {
  /** From the subject upward: `edges[0].ownedId` is the subject, the last edge's `ownerId` the owner. */
  edges: OwnershipEdge[];
  share: ShareRange;
  /** The weakest confidence along the path. */
  confidence: Confidence;
}

export interface EffectiveOwner {
  entityId: string;
  /** Undefined when a relation names an owner the reference data has no record of. */
  entity: RefEntity | undefined;
  name: string;
  /** Summed over every distinct path within the depth bound, capped at 100. */
  share: ShareRange;
  /** Some path crosses a relation without a share; its range is taken as [0, 100]. */
  shareUnknown: boolean;
  /** Some path crosses a control-only relation (no share); its range is taken as [0, 100]. */
  controlOnly: boolean;
  /** Length of the shortest path. */
  depth: number;
  pathCount: number;
  /** The strongest paths (by share), at most `maxPathsPerOwner`. */
  paths: OwnershipPath[];
  /** Has no owners of its own in the data, or is a state body. */
  ultimate: boolean;
  state: boolean;
  listed: boolean;
  listIds: string[];
  topics: string[];
  /** Effective share more than `significantControlPct`. */
  aboveSignificantControl: Certainty;
  /** Effective share more than `majorityPct`. */
  aboveMajority: Certainty;
}

export interface FiftyPercentRuleResult {
  applies: Certainty;
  /** Share of the subject held directly by listed owners or by owners the rule itself blocks. */
  aggregate: ShareRange;
  heldVia: { entityId: string; share: ShareRange; blocked: Certainty; listed: boolean }[];
}

export type ConnectionBasis =
  'significant_control' | 'parent_undertaking' | 'subsidiary_undertaking' | 'director';

/** A connected person in the Procurement Act 2023 sense (Sch 6 para 45), as far as the data shows. */
export interface ConnectedPerson {
  entityId: string;
  name: string;
  basis: ConnectionBasis;
  certainty: Exclude<Certainty, 'no'>;
  share: ShareRange | null;
  /** The relation behind a subsidiary or director connection. */
  relationId?: string;
}

export interface OwnershipAnalysis {
  subjectId: string;
  subject: RefEntity | undefined;
  asOf: string | null;
  maxDepth: number;
  thresholds: OwnershipThresholds;
  /** Every upstream owner within the depth bound, strongest share first. */
  owners: EffectiveOwner[];
  /** The registry's direct owners of the subject (the relations the declaration is compared with). */
  directRelations: OwnershipEdge[];
  connectedPersons: ConnectedPerson[];
  usFiftyPercentRule: FiftyPercentRuleResult;
  /** Some path reached the depth bound while the data went on: shares may be understated. */
  truncated: boolean;
  /** Cycle enumeration hit its budget: some paths through cross-holdings were not counted. */
  pathLimitReached: boolean;
}

export interface OwnershipThresholds {
  /** Significant control: more than this effective share (Companies Act s790C: 25). */
  significantControlPct: number;
  /** Majority / parent undertaking: more than this share. */
  majorityPct: number;
  /** US OFAC 50 % rule: this share or more held in aggregate by listed persons. */
  usFiftyPercentRulePct: number;
}

export interface ResolveOwnersOptions extends Partial<OwnershipThresholds>, Partial<ClassificationOptions> {
  /** Longest path followed, in relations. Default 10. */
  maxDepth?: number;
  /** Ignore relations not in force on this date (ISO). */
  asOf?: string;
  /** Evidence paths kept per owner. Default 3. */
  maxPathsPerOwner?: number;
  /** Steps allowed when enumerating paths inside ownership cycles. Default 100,000. */
  cyclePathBudget?: number;
}

export type ResolvedSettings = Required<Omit<ResolveOwnersOptions, 'asOf'>> & { asOf: string | null };

export const DEFAULT_THRESHOLDS: OwnershipThresholds = {
  significantControlPct: 25,
  majorityPct: 50,
  usFiftyPercentRulePct: 50,
};

export function resolveSettings(options: ResolveOwnersOptions): ResolvedSettings {
  return {
    ...DEFAULT_THRESHOLDS,
    ...DEFAULT_CLASSIFICATION,
    maxDepth: 10,
    maxPathsPerOwner: 3,
    cyclePathBudget: 100_000,
    ...definedOnly(options),
    asOf: options.asOf ?? null,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
