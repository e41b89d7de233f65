import { Inject, Injectable, Logger } from '@nestjs/common';
import { defaultPolicyIdFor } from '../../../../libs/domain/src/policy/index.js';
import {
  PolicyRepository,
  ScreeningRepository,
  TenderRepository,
  type ScreeningEntity,
  type TenderEntity,
} from '../../../../libs/persistence/src/index.js';
import type { Principal } from '../auth/principal.js';
import { newId } from '../common/ids.js';
import { TenderWorkflowsGateway } from '../temporal/tender-workflows.gateway.js';
import type { CreateTenderDto } from './dtos/create-tender.dto.js';
import { TenderException, TenderExceptionCode } from './tender.exception.js';

@Injectable()
export class TendersService {
  private readonly logger = new Logger('Tenders');

  constructor(
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(PolicyRepository) private readonly policies: PolicyRepository,
    @Inject(TenderWorkflowsGateway) private readonly workflows: TenderWorkflowsGateway,
  ) {}

  async create(dto: CreateTenderDto, createdBy: string): Promise<TenderEntity> {
    const policyId = dto.policyId ?? defaultPolicyIdFor(dto.buyer.type);
    if (!(await this.policies.latest(policyId))) {
      throw new TenderException(
        TenderExceptionCode.UnknownPolicy,
        `policyId: no published policy "${policyId}"; see GET /v1/policies.`,
      );
    }
    if (await this.tenders.findByReference(dto.reference)) {
      throw new TenderException(
        TenderExceptionCode.DuplicateReference,
        `A tender with reference "${dto.reference}" exists already.`,
      );
    }
    const tender = await this.tenders.insert({
      id: newId('tnd'),
      reference: dto.reference,
      title: dto.title,
      buyerName: dto.buyer.name,
      buyerType: dto.buyer.type,
      cpvCodes: dto.cpvCodes ?? [],
      sensitiveSite: dto.sensitiveSite ?? false,
      intendedUse: dto.intendedUse ?? null,
      policyId,
      estimatedValue: dto.estimatedValue === undefined ? null : dto.estimatedValue.toFixed(2),
      currency: dto.currency ?? null,
      status: 'open',
      createdBy,
    });
    // The tender's workflow follows its screenings. The tender exists once its row does: if Temporal is
    // unreachable now, the workflow starts lazily with the tender's first screening.
    await this.workflows.ensureStarted(tender.id).catch((error: unknown) => {
      this.logger.warn(
        `tender ${tender.id}: workflow not started yet (${String(error)}); it starts with the first screening`,
      );
    });
    return tender;
  }

  /** Closes the tender: refuses new screenings and withdraws those still open (their trails record it). */
  async close(id: string, principal: Principal, reason: string) {
    const tender = await this.tenders.findById(id);
    if (!tender) throw new TenderException(TenderExceptionCode.NotFound, `No tender ${id}.`);
    if (tender.status === 'closed') {
      throw new TenderException(TenderExceptionCode.Closed, `Tender ${id} is already closed.`);
    }
    return this.workflows.close(id, { actor: { userId: principal.userId, role: 'buyer' }, reason });
  }

  async get(id: string): Promise<{ tender: TenderEntity; screenings: ScreeningEntity[] }> {
    const tender = await this.tenders.findById(id);
    if (!tender) throw new TenderException(TenderExceptionCode.NotFound, `No tender ${id}.`);
    return { tender, screenings: await this.screenings.findByTender(id) };
  }
}
