// One screening's process state and the ways the workflow changes and records it. One instance per
// workflow run (never module-level state): the main process and the Update handlers share it.
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type {
  Actor,
  AuditEventInput,
  NotificationRequest,
  ReadModelSnapshot,
  RecordApprovalInput,
  ScreeningActivities,
  ApprovalLevel,
  Declaration,
  FinalDecision,
  NotificationAudience,
  ScreeningState,
  ScreeningStatus,
  ScreeningWorkflowInput,
  WaitingFor,
} from '../../libs/contracts/src/index.js';
import { FINAL_STATUSES, SCREENING_ASSIGNEE, SCREENING_STAGE } from '../../libs/contracts/src/index.js';
import type { PolicyDocument } from '../../libs/domain/src/policy/policy-document.js';
import { localRecords, records, usesCompactHistory } from './activities.js';
import { levelForStatus } from './sign-off.js';

export const SYSTEM: Actor = { userId: 'system', role: 'system' };

/** What one step of the case writes (ScreeningCase.record). */
export interface StepRecords {
  approval?: Omit<RecordApprovalInput, 'screeningId'>;
  /** As ScreeningCase.audit's arguments. */
  audit?: [action: string, actor: Actor, data: Record<string, unknown>];
  /** Copy the state to the read model (after the audit event). */
  publish?: boolean;
  /** As ScreeningCase.notify's arguments. */
  notify?: [kind: string, audience: NotificationAudience, data: Record<string, unknown>];
}

const STAGES: Record<ScreeningStatus, string> = {
  awaiting_declaration: 'declaration',
  information_requested: 'declaration',
  checking: 'checks',
  awaiting_representations: 'representations',
  awaiting_review: 'review',
  awaiting_approval: 'approval',
  awaiting_ministerial_referral: 'ministerial_referral',
  approved: 'closed',
  rejected: 'closed',
  excluded: 'closed',
  expired: 'closed',
  withdrawn: 'closed',
};

const iso = (epochMs: number) => new Date(epochMs).toISOString();

export class ScreeningCase {
  readonly state: ScreeningState;
  /** Bumped by every status change: a wait for a person ends as soon as the case moves. */
  transitions = 0;
  round = 0;
  declaration: Declaration | null = null;
  declarationRevision = 0;
  /** Set when a round pins the declaration: from then on it cannot be amended. */
  checksStarted = false;
  /** Epoch ms before which a round may not start (the supplier's amendment window). */
  checksNotBefore = 0;
  referenceDataVersion: string | null = null;
  /** The pinned policy version, loaded once at start. */
  policy: PolicyDocument | null = null;
  /** How this run writes its records: local activities, or (runs started before the patch) activities. */
  readonly records: ScreeningActivities;
  readonly compactHistory: boolean;
  private stateVersion = 0;
  private step = 0;
  private notifications = 0;
  private searchAttributes = { stage: '', assignee: '' };

  constructor(readonly input: ScreeningWorkflowInput) {
    this.compactHistory = usesCompactHistory();
    this.records = this.compactHistory ? localRecords : records;
    if (this.compactHistory) {
      // Started with its search attributes (the tender sets them): upsert only when they change.
      const started = workflowInfo().typedSearchAttributes;
      this.searchAttributes = {
        stage: started.get(SCREENING_STAGE) ?? '',
        assignee: started.get(SCREENING_ASSIGNEE) ?? '',
      };
    }
    this.state = {
      screeningId: input.screeningId,
      status: 'awaiting_declaration',
      stage: 'declaration',
      findings: [],
      risk: null,
      requiredApprovals: [],
      approvals: [],
      decision: null,
      questions: [],
      declarationDeadline: null,
      amendableUntil: null,
      route: null,
      waitingFor: null,
      informationRequest: null,
      representations: [],
      ministerialReferral: null,
      pendingExclusion: null,
      exclusionBlocked: false,
    };
  }

  get id(): string {
    return this.input.screeningId;
  }

  get durations() {
    return this.input.durations;
  }

  get closed(): boolean {
    return FINAL_STATUSES.includes(this.state.status);
  }

  get supplier(): Actor {
    return { userId: `supplier:${this.id}`, role: 'supplier' };
  }

  /** Moves the case to a status and says who must act next. Synchronous, so validators see it at once. */
  enter(status: ScreeningStatus): void {
    this.state.status = status;
    this.state.stage = STAGES[status];
    this.state.waitingFor = this.waitingFor(status);
    this.transitions += 1;
    this.syncSearchAttributes();
  }

  enterLevel(level: ApprovalLevel): void {
    this.enter(level === 'reviewer' ? 'awaiting_review' : 'awaiting_approval');
  }

  finish(outcome: FinalDecision['outcome'], decidedBy: string, reason: string, override = false): void {
    this.state.decision = {
      outcome,
      decidedBy,
      at: iso(Date.now()),
      reason,
      ...(override ? { override: true } : {}),
    };
    this.enter(outcome);
  }

  /** The level's deadline passed: the approver pool may now act on it too. */
  escalate(): void {
    const waiting = this.state.waitingFor;
    if (!waiting) return;
    this.state.waitingFor = {
      ...waiting,
      escalated: true,
      pools: [...new Set([...waiting.pools, 'approver' as const])],
    };
    this.syncSearchAttributes();
  }

  /** Appends the audit event for a step; the key makes an activity retry a no-op. */
  async audit(action: string, actor: Actor, data: Record<string, unknown>): Promise<void> {
    await this.records.recordAuditEvent(this.auditEvent(action, actor, data));
  }

  /** Copies the state to the read model; the version makes a late, older snapshot lose. */
  async publish(): Promise<void> {
    await this.records.syncReadModel(this.snapshot());
  }

  /** Queues a message in the notification outbox (sent by the worker's dispatcher). */
  async notify(kind: string, audience: NotificationAudience, data: Record<string, unknown>): Promise<void> {
    await this.records.queueNotification(this.notification(kind, audience, data));
  }

  /**
   * A step's records in their usual order (approval, audit event, read model, notification). On the
   * compact path they go in one local activity, one marker in the history; runs from before the patch
   * write them one activity at a time, as they did.
   */
  async record(step: StepRecords): Promise<void> {
    if (!this.compactHistory) {
      if (step.approval) await this.records.recordApproval({ screeningId: this.id, ...step.approval });
      if (step.audit) await this.audit(...step.audit);
      if (step.publish) await this.publish();
      if (step.notify) await this.notify(...step.notify);
      return;
    }
    await this.records.recordStep({
      approval: step.approval ? { screeningId: this.id, ...step.approval } : undefined,
      audit: step.audit ? this.auditEvent(...step.audit) : undefined,
      readModel: step.publish ? this.snapshot() : undefined,
      notification: step.notify ? this.notification(...step.notify) : undefined,
    });
  }

  private auditEvent(action: string, actor: Actor, data: Record<string, unknown>): AuditEventInput {
    this.step += 1;
    return {
      screeningId: this.id,
      eventKey: `${String(this.step).padStart(4, '0')}:${action}`,
      occurredAt: iso(Date.now()),
      actor,
      action,
      data,
    };
  }

  private snapshot(): ReadModelSnapshot {
    this.stateVersion += 1;
    const { state } = this;
    const supplierWaits = state.waitingFor?.pools.includes('supplier') ?? false;
    return {
      screeningId: this.id,
      stateVersion: this.stateVersion,
      status: state.status,
      stage: state.stage,
      referenceDataVersion: this.referenceDataVersion,
      risk: state.risk,
      requiredApprovals: state.requiredApprovals,
      approvals: state.approvals,
      decision: state.decision,
      waitingFor: state.waitingFor,
      invitationExpiresAt: supplierWaits ? state.waitingFor!.dueAt : null,
    };
  }

  private notification(
    kind: string,
    audience: NotificationAudience,
    data: Record<string, unknown>,
  ): NotificationRequest {
    this.notifications += 1;
    return {
      screeningId: this.id,
      key: `${String(this.notifications).padStart(4, '0')}:${kind}`,
      kind,
      audience,
      data: { screeningId: this.id, tenderReference: this.input.tender.reference, ...data },
    };
  }

  private waitingFor(status: ScreeningStatus): WaitingFor | null {
    const now = Date.now();
    const base = { since: iso(now), escalated: false, excludedUserIds: [] as string[], level: null };
    switch (status) {
      case 'awaiting_declaration':
        return { ...base, step: 'declaration', pools: ['supplier'], dueAt: this.state.declarationDeadline };
      case 'information_requested':
        return { ...base, step: 'information', pools: ['supplier'], dueAt: this.state.declarationDeadline };
      case 'awaiting_representations':
        return {
          ...base,
          step: 'representations',
          pools: ['supplier'],
          dueAt: iso(now + this.durations.representationsWindowMs),
        };
      case 'awaiting_review':
      case 'awaiting_approval': {
        const level = levelForStatus(status)!;
        return {
          ...base,
          step: level === 'reviewer' ? 'review' : 'approval',
          pools: [level],
          level,
          dueAt: iso(now + this.durations.reviewDeadlineMs[level]),
          excludedUserIds: this.excludedSigners(level),
        };
      }
      case 'awaiting_ministerial_referral':
        return { ...base, step: 'ministerial_referral', pools: ['approver'], dueAt: null };
      default:
        return null;
    }
  }

  /** Four eyes, for the inbox: the starting buyer, and whoever signed another level this round. */
  private excludedSigners(level: ApprovalLevel): string[] {
    const others = this.state.approvals.filter((a) => a.level !== level).map((a) => a.userId);
    return [...new Set([this.input.startedBy.userId, ...others])];
  }

  private syncSearchAttributes(): void {
    const waiting = this.state.waitingFor;
    const assignee = !waiting
      ? ''
      : waiting.pools.includes('supplier')
        ? 'supplier'
        : `role:${waiting.escalated ? 'approver' : waiting.pools[0]}`;
    const stage = this.state.stage;
    if (stage === this.searchAttributes.stage && assignee === this.searchAttributes.assignee) return;
    this.searchAttributes = { stage, assignee };
    upsertSearchAttributes([
      { key: SCREENING_STAGE, value: stage },
      { key: SCREENING_ASSIGNEE, value: assignee || null },
    ]);
  }
}
