import type { MonitoringAlertEntity } from '../../../../libs/persistence/src/index.js';

export function presentAlert(alert: MonitoringAlertEntity, supplier: { name: string; country: string }) {
  return {
    id: alert.id,
    kind: alert.kind,
    screeningId: alert.screeningId,
    tenderId: alert.tenderId,
    supplier,
    // Strings, as a screening's referenceDataVersion is.
    referenceDataVersion: String(alert.referenceDataVersion),
    previousReferenceDataVersion: String(alert.previousReferenceDataVersion),
    summary: alert.summary,
    changes: alert.changes,
    createdAt: alert.createdAt.toISOString(),
    acknowledged: alert.acknowledgedAt
      ? { by: alert.acknowledgedBy, at: alert.acknowledgedAt.toISOString(), note: alert.acknowledgementNote }
      : null,
  };
}
