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
          summary: tenderSummary(screenings),
          outstandingActions: screenings
            .filter((s) => WAITING_ON[s.status])
            .map((s) => ({
              screeningId: s.id,
              supplier: { name: s.supplierName, country: s.supplierCountry },
              status: s.status,
              waitingFor: WAITING_ON[s.status],
            })),
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

/** Who must act next on a screening that is not decided yet (roles, never persons). */
const WAITING_ON: Record<string, string> = {
  awaiting_declaration: 'supplier',
  information_requested: 'supplier',
  awaiting_representations: 'supplier',
  checking: 'system',
  awaiting_review: 'reviewer',
  awaiting_approval: 'approver',
  awaiting_ministerial_referral: 'approver',
};

/** The tender's suppliers by where their screening stands: cleared, pending, rejected, excluded, … */
export function tenderSummary(screenings: ScreenSummaryRow[]) {
  const count = (...statuses: string[]) => screenings.filter((s) => statuses.includes(s.status)).length;
  const pending = screenings.filter((s) => WAITING_ON[s.status]).length;
  return {
    total: screenings.length,
    cleared: count('approved'),
    pending,
    rejected: count('rejected'),
    excluded: count('excluded'),
    expired: count('expired'),
    withdrawn: count('withdrawn'),
    allDecided: screenings.length > 0 && pending === 0,
  };
}

type ScreenSummaryRow = Pick<ScreeningEntity, 'status'>;
