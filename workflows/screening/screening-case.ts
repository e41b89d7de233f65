// One screening's process state and the ways the workflow changes and records it. One instance per
// workflow run (never module-level state): the main process and the Update handlers share it.
import { condition, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type {
  Actor,
  AssessRiskInput,
  AuditEventInput,
  Finding,
  NotificationRequest,
  ReadModelSnapshot,
  RecordApprovalInput,
  RiskAssessment,
  SaveDeclarationInput,
  ScreeningActivities,
  StepRecordsInput,
  ApprovalLevel,
  Declaration,
  FinalDecision,
  NotificationAudience,
  ScreeningState,
  ScreeningStatus,
  ScreeningWorkflowInput,
  WaitingFor,
} from '../../libs/contracts/src/index.js';
import {
  FINAL_STATUSES,
  findingsSummary,
  SCREENING_ASSIGNEE,
  SCREENING_STAGE,
} from '../../libs/contracts/src/index.js';
import type { PolicyDocument } from '../../libs/domain/src/policy/policy-document.js';
import { localRecords, records, recordsFormat, type RecordsFormat } from './activities.js';
import { levelForStatus } from './sign-off.js';

export const SYSTEM: Actor = { userId: 'system', role: 'system' };

/** What one step of the case writes (ScreeningCase.record). */
export interface StepRecords {
  /** A declaration to store first; the audit event's data gets its digest. */
  declaration?: Omit<SaveDeclarationInput, 'screeningId'>;
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
  /** How this run writes its records (activities.ts): one activity each, or local activities. */
  readonly records: ScreeningActivities;
  readonly format: RecordsFormat;
  /** Set once the start's records are written (combined format only). */
  private opened = false;
  /** Records of steps held to be written with the next write (combined format only). */
  private held: StepRecordsInput[] = [];
  private stateVersion = 0;
  private step = 0;
  private notifications = 0;
  private searchAttributes = { stage: '', assignee: '' };

  constructor(readonly input: ScreeningWorkflowInput) {
    this.format = recordsFormat();
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

  /** Runs started before COMPACT_HISTORY_PATCH write each record with an activity of its own. */
  get compactHistory(): boolean {
    return this.format !== 'activities';
  }

  /** Appends the audit event for a step; the key makes an activity retry a no-op. */
  async audit(action: string, actor: Actor, data: Record<string, unknown>): Promise<void> {
    if (this.format === 'combined') return this.record({ audit: [action, actor, data] });
    await this.records.recordAuditEvent(this.auditEvent(action, actor, data));
  }

  /** Copies the state to the read model; the version makes a late, older snapshot lose. */
  async publish(): Promise<void> {
    if (this.format === 'combined') return this.record({ publish: true });
    await this.records.syncReadModel(this.snapshot());
  }

  /** Queues a message in the notification outbox (sent by the worker's dispatcher). */
  async notify(kind: string, audience: NotificationAudience, data: Record<string, unknown>): Promise<void> {
    if (this.format === 'combined') return this.record({ notify: [kind, audience, data] });
    await this.records.queueNotification(this.notification(kind, audience, data));
  }

  /**
   * A step's records in their usual order (declaration, approval, audit event, read model, notification),
   * after any held ones. Compact and combined runs write them with one local activity, one marker in the
   * history; runs from before the compact patch write them one activity at a time, as they did.
   */
  async record(step: StepRecords): Promise<void> {
    if (this.format === 'activities') return this.recordOneByOne(step);
    if (this.format === 'combined' && !this.opened) {
      // An Update that came with the first task: its records follow the start's in the trail.
      await condition(() => this.opened);
    }
    const records = this.stepRecords(step);
    if (this.format === 'compact') {
      const { declaration, audits, ...rest } = records;
      const audit = declaration ? await this.saveDeclaration(declaration, audits?.[0]) : audits?.[0];
      await this.records.recordStep({ ...rest, audits: audit ? [audit] : [] });
      return;
    }
    await this.records.recordStep(merge([...this.held.splice(0), records]));
  }

  /**
   * Holds a step's records to be written with the next write, which follows in the same activation:
   * the round's assessment with its routing, a decision with the case's closing. Written at once on
   * runs that do not combine steps.
   */
  async recordWithNext(step: Pick<StepRecords, 'audit' | 'publish' | 'notify'>): Promise<void> {
    if (this.format === 'combined') {
      this.held.push(this.stepRecords(step));
      return;
    }
    // As these runs always wrote it: a lone audit event with its own activity.
    if (step.audit && !step.publish && !step.notify) return this.audit(...step.audit);
    return this.record(step);
  }

  /** Writes any held records (before the case waits for anyone). */
  async flush(): Promise<void> {
    if (this.held.length > 0) await this.records.recordStep(merge(this.held.splice(0)));
  }

  /**
   * A declaration the case starts with (one the buyer has on file): revision 1, and the checks may start
   * at once, as no supplier is waiting to amend it.
   */
  takeDeclaration(declaration: Declaration): void {
    this.declaration = declaration;
    this.declarationRevision = 1;
    this.enter('checking');
  }

  /**
   * The start: its audit event (then a declaration on file's), the read model, and the pinned policy
   * version's rules. Only combined runs start with a declaration on file: a new run is always one.
   */
  async open(
    policy: { id: string; version: number },
    started: Record<string, unknown>,
    declaration?: Pick<StepRecords, 'declaration' | 'audit'>,
  ): Promise<PolicyDocument> {
    const audit = ['screening.started', this.input.startedBy, started] as const;
    if (this.format !== 'combined') {
      await this.audit(...audit);
      const rules = await this.records.loadPolicyRules(policy);
      await this.publish();
      return rules;
    }
    const steps = [this.stepRecords({ audit: [...audit] })];
    if (declaration) steps.push(this.stepRecords(declaration));
    steps.push(this.stepRecords({ publish: true }));
    const rules = await this.records.openScreening({ policy, records: merge(steps) });
    this.opened = true;
    return rules;
  }

  /**
   * The round's findings stored (with dismissals), their checks.completed event and the risk assessment:
   * one local activity on combined runs, three before.
   */
  async assessRound(
    round: number,
    findings: Finding[],
    checksCompleted: Record<string, unknown>,
    risk: Omit<AssessRiskInput, 'findings'>,
  ): Promise<{ findings: Finding[]; risk: RiskAssessment }> {
    const findingsInput = { screeningId: this.id, round, findings };
    if (this.format !== 'combined') {
      const recorded = await this.records.recordFindings(findingsInput);
      await this.audit('checks.completed', SYSTEM, {
        ...checksCompleted,
        findings: findingsSummary(recorded),
      });
      return { findings: recorded, risk: await this.records.assessRisk({ ...risk, findings: recorded }) };
    }
    return this.records.assessRound({
      findings: findingsInput,
      checksCompleted: this.auditEvent('checks.completed', SYSTEM, checksCompleted),
      risk,
    });
  }

  /** The read-model snapshot a round's checks activity writes first, on combined runs. */
  roundStartSnapshot(): ReadModelSnapshot | undefined {
    return this.format === 'combined' ? this.snapshot() : undefined;
  }

  private async recordOneByOne(step: StepRecords): Promise<void> {
    const { declaration, approval, audits, readModel, notifications } = this.stepRecords(step);
    const audit = declaration ? await this.saveDeclaration(declaration, audits?.[0]) : audits?.[0];
    if (approval) await this.records.recordApproval(approval);
    if (audit) await this.records.recordAuditEvent(audit);
    if (readModel) await this.records.syncReadModel(readModel);
    for (const notification of notifications ?? []) await this.records.queueNotification(notification);
  }

  /** Stores the declaration on its own (runs before combined steps) and puts its digest in the event. */
  private async saveDeclaration(
    declaration: SaveDeclarationInput,
    audit: AuditEventInput | undefined,
  ): Promise<AuditEventInput | undefined> {
    const { digest } = await this.records.saveDeclaration(declaration);
    return audit && { ...audit, data: { ...audit.data, digest } };
  }

  /** Keys the step's records (event key, state version, notification key) as it is taken. */
  private stepRecords(step: StepRecords): StepRecordsInput {
    const audit = step.audit ? this.auditEvent(...step.audit) : undefined;
    return {
      declaration:
        step.declaration && audit
          ? { screeningId: this.id, ...step.declaration, digestInEvent: audit.eventKey }
          : undefined,
      approval: step.approval ? { screeningId: this.id, ...step.approval } : undefined,
      audits: audit ? [audit] : undefined,
      readModel: step.publish ? this.snapshot() : undefined,
      notifications: step.notify ? [this.notification(...step.notify)] : undefined,
    };
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

/**
 * Held steps' records and the next step's as one. Only the next step may store a declaration or an
 * approval (recordWithNext holds neither); the newest snapshot supersedes older ones.
 */
function merge(steps: readonly StepRecordsInput[]): StepRecordsInput {
  const merged: StepRecordsInput = {};
  for (const step of steps) {
    if (step.declaration) merged.declaration = step.declaration;
    if (step.approval) merged.approval = step.approval;
    if (step.audits) merged.audits = [...(merged.audits ?? []), ...step.audits];
    if (step.readModel) merged.readModel = step.readModel;
    if (step.notifications) merged.notifications = [...(merged.notifications ?? []), ...step.notifications];
  }
  return merged;
}

/** What the audit trail says of a received declaration: who attested it, and how much it lists. */
export function declarationSummary(declaration: Declaration) {
  return {
    attestation: { role: declaration.attestation.role, accepted: declaration.attestation.accepted },
    counts: {
      owners: declaration.owners.length,
      products: declaration.products.length,
      subcontractors: declaration.subcontractors.length,
    },
  };
}
