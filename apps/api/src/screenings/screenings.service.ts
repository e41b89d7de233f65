import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../libs/config/src/index.js';
import type { Actor, Declaration, DecisionKind, Role } from '../../../../libs/contracts/src/index.js';
import { normaliseName } from '../../../../libs/domain/src/names/index.js';
import {
  PolicyRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
  TenderRepository,
  type ScreeningEntity,
} from '../../../../libs/persistence/src/index.js';
import type { Principal } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';
import { newId } from '../common/ids.js';
import { ScreeningWorkflowsGateway } from '../temporal/screening-workflows.gateway.js';
import { TenderException, TenderExceptionCode } from '../tenders/tender.exception.js';
import { tenderContext } from '../tenders/tenders.service.js';
import type { StartScreeningDto } from './dtos/start-screening.dto.js';
import { ScreeningException, ScreeningExceptionCode } from './screening.exception.js';

export interface StartedScreening {
  screening: ScreeningEntity;
  created: boolean;
  invitation: { token: string; expiresAt: string };
}

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
  ) {}

  /**
   * Starts one supplier's screening on a tender, or returns the existing one for the same tender +
   * supplier or the same Idempotency-Key. The row comes first, then the workflow (started with
   * USE_EXISTING), so a crash between the two heals on the next identical request.
   */
  async start(tenderId: string, dto: StartScreeningDto, principal: Principal, idempotencyKey?: string): Promise<StartedScreening> {
    const tender = await this.tenders.findById(tenderId);
    if (!tender) throw new TenderException(TenderExceptionCode.NotFound, `No tender ${tenderId}.`);
    if (tender.status !== 'open') {
      throw new ScreeningException(ScreeningExceptionCode.TenderClosed, `Tender ${tenderId} is ${tender.status}; no new screenings.`);
    }
    const policy = await this.policies.latest(tender.policyId);
    if (!policy) throw new TenderException(TenderExceptionCode.UnknownPolicy, `Tender policy "${tender.policyId}" is not published.`);
    const declarationMs = this.config.DECLARATION_DEADLINE_HOURS * 3_600_000;
    const supplierKey = `${normaliseName(dto.supplier.name) || dto.supplier.name.trim().toLowerCase()}|${dto.supplier.country}`;
    const { screening, created } = await this.screenings.insertOrGetExisting({
      id: newId('scr'),
      tenderId,
      supplierName: dto.supplier.name.trim(),
      supplierCountry: dto.supplier.country,
      supplierIdentifiers: dto.supplier.identifiers ?? [],
      supplierKey,
      contactEmail: dto.contactEmail ?? null,
      idempotencyKey: idempotencyKey ?? null,
      status: 'awaiting_declaration',
      stage: 'declaration',
      startedBy: principal.userId,
      policyId: policy.id,
      policyVersion: policy.version,
      invitationExpiresAt: new Date(Date.now() + declarationMs),
    });
    await this.workflows.start({
      screeningId: screening.id,
      tender: tenderContext(tender),
      supplier: { name: screening.supplierName, country: screening.supplierCountry, identifiers: screening.supplierIdentifiers },
      startedBy: { userId: screening.startedBy, role: 'buyer' },
      policy: { id: screening.policyId, version: screening.policyVersion },
      durations: { declarationMs: Math.max(1000, screening.invitationExpiresAt.getTime() - screening.createdAt.getTime()) },
    });
    return {
      screening,
      created,
      invitation: { token: this.tokens.invitationToken(screening.id), expiresAt: screening.invitationExpiresAt.toISOString() },
    };
  }

  async get(id: string): Promise<ScreeningEntity> {
    const screening = await this.screenings.findById(id);
    if (!screening) throw new ScreeningException(ScreeningExceptionCode.NotFound, `No screening ${id}.`);
    return screening;
  }

  async details(id: string) {
    const screening = await this.get(id);
    const [declaration, findings] = await Promise.all([
      this.records.latestDeclaration(id),
      this.records.findingsOfLatestRound(id),
    ]);
    return { screening, declaration, findings };
  }

  list(filter: { status?: ScreeningEntity['status']; tenderId?: string; limit: number; offset: number }) {
    return this.screenings.list(filter as never);
  }

  async submitDeclaration(id: string, declaration: Declaration, updateId?: string) {
    await this.get(id);
    const at = new Date().toISOString();
    return this.workflows.submitDeclaration(id, { declaration: { ...declaration, attestation: { ...declaration.attestation, at } } }, updateId);
  }

  async decide(
    id: string,
    principal: Principal & { kind: 'user' },
    body: { decision: DecisionKind; reason: string; questions?: string[] },
    updateId?: string,
  ) {
    await this.get(id);
    const actor: Actor = { userId: principal.userId, role: signingRole(principal.roles) };
    return this.workflows.decide(id, { actor, ...body }, updateId);
  }
}

/** The role a person signs with: approver outranks reviewer when someone holds both. */
function signingRole(roles: Role[]): Role {
  return roles.includes('approver') ? 'approver' : roles.includes('reviewer') ? 'reviewer' : roles[0];
}
