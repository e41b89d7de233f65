import type { ScreeningEntity, TenderEntity } from '../../../../libs/persistence/src/index.js';

export function presentTender(tender: TenderEntity, screenings?: ScreeningEntity[]) {
  return {
    id: tender.id,
    reference: tender.reference,
    title: tender.title,
    buyer: { name: tender.buyerName, type: tender.buyerType },
    cpvCodes: tender.cpvCodes,
    sensitiveSite: tender.sensitiveSite,
    intendedUse: tender.intendedUse,
    policyId: tender.policyId,
    estimatedValue: tender.estimatedValue === null ? null : Number(tender.estimatedValue),
    currency: tender.currency,
    status: tender.status,
    createdAt: tender.createdAt.toISOString(),
    ...(screenings
      ? {
          screenings: screenings.map((s) => ({
            id: s.id,
            supplier: { name: s.supplierName, country: s.supplierCountry },
            status: s.status,
            risk: s.risk ? { score: s.risk.score, band: s.risk.band, outcome: s.risk.outcome } : null,
            decision: s.decision,
          })),
        }
      : {}),
  };
}
