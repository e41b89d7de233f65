import { Inject, Injectable } from '@nestjs/common';
import type { TenderContext } from '../../../../libs/contracts/src/index.js';
import { defaultPolicyIdFor } from '../../../../libs/domain/src/policy/index.js';
import {
  PolicyRepository,
  ScreeningRepository,
  TenderRepository,
  type ScreeningEntity,
  type TenderEntity,
} from '../../../../libs/persistence/src/index.js';
import { newId } from '../common/ids.js';
import type { CreateTenderDto } from './dtos/create-tender.dto.js';
import { TenderException, TenderExceptionCode } from './tender.exception.js';

@Injectable()
export class TendersService {
  constructor(
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(PolicyRepository) private readonly policies: PolicyRepository,
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
    return this.tenders.insert({
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
  }

  async get(id: string): Promise<{ tender: TenderEntity; screenings: ScreeningEntity[] }> {
    const tender = await this.tenders.findById(id);
    if (!tender) throw new TenderException(TenderExceptionCode.NotFound, `No tender ${id}.`);
    return { tender, screenings: await this.screenings.findByTender(id) };
  }
}

export function tenderContext(tender: TenderEntity): TenderContext {
  return {
    id: tender.id,
    reference: tender.reference,
    buyerType: tender.buyerType as TenderContext['buyerType'],
    sensitiveSite: tender.sensitiveSite,
    intendedUse: tender.intendedUse,
    policyId: tender.policyId,
  };
}
