import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../libs/config/src/index.js';
import type {
  Actor,
  Declaration,
  DeclaredSubcontractor,
  Role,
} from '../../../../libs/contracts/src/index.js';
import { supplierKey } from '../../../../libs/domain/src/screening/supplier-key.js';
import { parsePolicy, resolveDurations } from '../../../../libs/domain/src/policy/index.js';
import {
  MonitoringRepository,
  PolicyRepository,
  ScreeningAssignmentRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
  TenderRepository,
  type ScreeningEntity,
  tenderContextOf,
} from '../../../../libs/persistence/src/index.js';
import type { Principal } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';
import { newId } from '../common/ids.js';
import { ScreeningWorkflowsGateway } from '../temporal/screening-workflows.gateway.js';
import { TenderWorkflowsGateway } from '../temporal/tender-workflows.gateway.js';
import { TenderException, TenderExceptionCode } from '../tenders/tender.exception.js';
import type { DecisionDto } from './dtos/decision.dto.js';
import type {
  DeclineToAnswerDto,
  ExtendDeadlineDto,
  MinisterialAnswerDto,
  MinisterialReferralDto,
  ReplacementDto,
  RepresentationsDto,
  WithdrawalDto,
} from './dtos/human-steps.dto.js';
import type { StartScreeningDto } from './dtos/start-screening.dto.js';
import { ScreeningException, ScreeningExceptionCode } from './screening.exception.js';

export interface StartedScreening {
  screening: ScreeningEntity;
  created: boolean;
  invitation: { token: string; expiresAt: string };
}

/** Monitoring alerts shown with a screening; the alerts endpoint lists the rest. */
const RECENT_ALERTS = 10;

@Injectable()
export class ScreeningsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(ScreeningRecordsRepository) private readonly records: ScreeningRecordsRepository,
    @Inject(PolicyRepository) private readonly policies: PolicyRepository,
    @Inject(ScreeningWorkflowsGateway) private readonly workflows: ScreeningWorkflowsGateway,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ScreeningAssignmentRepository) private readonly assignments: ScreeningAssignmentRepository,
    @Inject(TenderWorkflowsGateway) private readonly tenderWorkflows: TenderWorkflowsGateway,
    @Inject(MonitoringRepository) private readonly monitoring: MonitoringRepository,
  ) {}

  /**
   * Starts one supplier's screening on a tender, or returns the existing one for the same tender +
   * supplier or the same Idempotency-Key. The row comes first, then the workflow (started with
   * USE_EXISTING), so a crash between the two heals on the next identical request. The screening runs
   * as a child of the tender's workflow, which starts it with this very input (a no-op if it has it).
   */
  async start(
    tenderId: string,
    dto: StartScreeningDto,
    principal: Principal,
    idempotencyKey?: string,
  ): Promise<StartedScreening> {
    const tender = await this.tenders.findById(tenderId);
    if (!tender) throw new TenderException(TenderExceptionCode.NotFound, `No tender ${tenderId}.`);
    if (tender.status === 'closed') {
      throw new ScreeningException(
        ScreeningExceptionCode.TenderClosed,
        `Tender ${tenderId} is ${tender.status}; no new screenings.`,
      );
    }
    const policy = await this.policies.latest(tender.policyId);
    if (!policy)
      throw new TenderException(
        TenderExceptionCode.UnknownPolicy,
        `Tender policy "${tender.policyId}" is not published.`,
      );
    // The human steps' durations come from the policy version the screening pins, like its scoring.
    const durations = {
      ...resolveDurations(parsePolicy(policy.document)),
      amendmentWindowMs: this.config.DECLARATION_AMENDMENT_SECONDS * 1000,
    };
    const { screening, created } = await this.screenings.insertOrGetExisting({
      id: newId('scr'),
      tenderId,
      supplierName: dto.supplier.name.trim(),
      supplierCountry: dto.supplier.country,
      supplierIdentifiers: dto.supplier.identifiers ?? [],
      supplierKey: supplierKey(dto.supplier.name, dto.supplier.country),
      contactEmail: dto.contactEmail ?? null,
      idempotencyKey: idempotencyKey ?? null,
      status: 'awaiting_declaration',
      stage: 'declaration',
      startedBy: principal.userId,
      policyId: policy.id,
      policyVersion: policy.version,
      invitationExpiresAt: new Date(Date.now() + durations.declarationMs),
    });
    await this.tenderWorkflows.addSupplier({
      screeningId: screening.id,
      tender: tenderContextOf(tender),
      supplier: {
        name: screening.supplierName,
        country: screening.supplierCountry,
        identifiers: screening.supplierIdentifiers,
      },
      startedBy: { userId: screening.startedBy, role: 'buyer' },
      policy: { id: screening.policyId, version: screening.policyVersion },
      durations,
    });
    return {
      screening,
      created,
      invitation: {
        token: this.tokens.invitationToken(screening.id),
        expiresAt: screening.invitationExpiresAt.toISOString(),
      },
    };
  }

  async get(id: string): Promise<ScreeningEntity> {
    const screening = await this.screenings.findById(id);
    if (!screening) throw new ScreeningException(ScreeningExceptionCode.NotFound, `No screening ${id}.`);
    return screening;
  }

  async details(id: string) {
    const screening = await this.get(id);
    const [declaration, findings, assignment, alerts] = await Promise.all([
      this.records.latestDeclaration(id),
      this.records.findingsOfLatestRound(id),
      this.assignments.find(id),
      // Continuous monitoring's newest alerts on this screening (GET /v1/alerts?screeningId= pages them all).
      this.monitoring.listAlerts({ screeningId: id, limit: RECENT_ALERTS }),
    ]);
    return { screening, declaration, findings, assignment, alerts: alerts.map((listed) => listed.alert) };
  }

  list(filter: { status?: ScreeningEntity['status']; tenderId?: string; limit: number; offset: number }) {
    return this.screenings.list(filter as never);
  }

  async submitDeclaration(id: string, declaration: Declaration, updateId?: string) {
    await this.get(id);
    const at = new Date().toISOString();
    return this.workflows.submitDeclaration(
      id,
      { declaration: { ...declaration, attestation: { ...declaration.attestation, at } } },
      updateId,
    );
  }

  async decide(id: string, principal: StaffPrincipal, body: DecisionDto, updateId?: string) {
    await this.get(id);
    return this.workflows.decide(id, { ...body, actor: signer(principal) }, updateId);
  }

  async extendDeadline(id: string, principal: StaffPrincipal, body: ExtendDeadlineDto, updateId?: string) {
    await this.get(id);
    return this.workflows.extendDeadline(id, { ...body, actor: as(principal, 'buyer') }, updateId);
  }

  async withdraw(id: string, principal: StaffPrincipal, body: WithdrawalDto, updateId?: string) {
    await this.get(id);
    return this.workflows.withdraw(id, { ...body, actor: as(principal, 'buyer') }, updateId);
  }

  async makeRepresentations(id: string, body: RepresentationsDto, updateId?: string) {
    await this.get(id);
    return this.workflows.makeRepresentations(id, { text: body.text }, updateId);
  }

  async replaceAssociatedPerson(id: string, body: ReplacementDto, updateId?: string) {
    await this.get(id);
    return this.workflows.replaceAssociatedPerson(
      id,
      { subcontractors: body.subcontractors as DeclaredSubcontractor[], explanation: body.explanation },
      updateId,
    );
  }

  async declineToAnswer(id: string, body: DeclineToAnswerDto, updateId?: string) {
    await this.get(id);
    return this.workflows.declineToAnswer(id, { reason: body.reason }, updateId);
  }

  async recordMinisterialReferral(
    id: string,
    principal: StaffPrincipal,
    body: MinisterialReferralDto,
    updateId?: string,
  ) {
    await this.get(id);
    return this.workflows.recordMinisterialReferral(
      id,
      { ...body, actor: as(principal, 'approver') },
      updateId,
    );
  }

  async recordMinisterialAnswer(
    id: string,
    principal: StaffPrincipal,
    body: MinisterialAnswerDto,
    updateId?: string,
  ) {
    await this.get(id);
    return this.workflows.recordMinisterialAnswer(
      id,
      { ...body, actor: as(principal, 'approver') },
      updateId,
    );
  }

  /** What the invited supplier needs to know: the step, its deadline and any questions. */
  async invitation(id: string) {
    const screening = await this.get(id);
    const state = await this.workflows.state(id);
    const waiting = state.waitingFor?.pools.includes('supplier') ? state.waitingFor : null;
    return {
      id,
      status: state.status,
      step: waiting?.step ?? null,
      dueAt: waiting?.dueAt ?? null,
      questions: state.status === 'information_requested' ? state.questions : [],
      concernsConnectedPersons: state.informationRequest?.concernsConnectedPersons ?? false,
      amendableUntil: state.amendableUntil,
      replacementAllowed:
        state.status === 'awaiting_representations' && (state.route?.replacementAllowed ?? false),
      exclusionReason:
        state.status === 'awaiting_representations' ? (state.risk?.outcomeBasis?.reason ?? null) : null,
      outcome: screening.decision?.outcome ?? null,
    };
  }
}

type StaffPrincipal = Principal & { kind: 'user' };

/** The role a person signs with: approver outranks reviewer when someone holds both. */
function signer(principal: StaffPrincipal): Actor {
  const { roles } = principal;
  const role = roles.includes('approver') ? 'approver' : roles.includes('reviewer') ? 'reviewer' : roles[0];
  return { userId: principal.userId, role };
}

/** The actor for an action the route already restricted to `role`. */
function as(principal: StaffPrincipal, role: Role): Actor {
  return { userId: principal.userId, role };
}
